import type { Metadata } from "next";
import { PricingTable, Show } from "@clerk/nextjs";
import { auth } from "@clerk/nextjs/server";

export const metadata: Metadata = { title: "Pro" };

export default async function ProPage() {
  await auth.protect();

  return (
    <div className="mx-auto max-w-4xl px-6 py-12">
      <Show when={{ plan: "pro" }} fallback={<Upgrade />}>
        <h1 className="text-3xl font-semibold tracking-tight">Pro</h1>
        <p className="mt-2 text-zinc-600">
          You are on the Pro plan. This page is checked on the server, so its content never reaches other users.
        </p>
        <div className="mt-8 rounded-2xl border border-dashed border-zinc-300 p-10 text-center text-sm text-zinc-500">
          Build your Pro features here.
        </div>
      </Show>
    </div>
  );
}

function Upgrade() {
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Upgrade to Pro</h1>
      <p className="mt-2 text-zinc-600">This page is for Pro subscribers. Pick a plan to unlock it.</p>
      <div className="mt-10">
        <PricingTable highlightedPlan="pro" newSubscriptionRedirectUrl="/dashboard/pro" />
      </div>
    </>
  );
}
