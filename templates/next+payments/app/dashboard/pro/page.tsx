import type { Metadata } from "next";
import { PricingTable, Show } from "@clerk/nextjs";
import { auth } from "@clerk/nextjs/server";
import { ProContent } from "@/components/dashboard/pro-content";
import { PRO_PLAN } from "@/convex/plans";

export const metadata: Metadata = { title: "Pro" };

export default async function ProPage() {
  await auth.protect();

  return (
    <div className="mx-auto max-w-4xl px-6 py-12">
      <Show when={{ plan: PRO_PLAN }} fallback={<Upgrade />}>
        <h1 className="text-3xl font-semibold tracking-tight">Pro</h1>
        <p className="mt-2 text-zinc-600">
          The content below comes from a Convex query that checks your plan on the server, so no one without the
          plan can read it, whatever client they use.
        </p>
        <ProContent />
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
        <PricingTable highlightedPlan={PRO_PLAN} newSubscriptionRedirectUrl="/dashboard/pro" />
      </div>
    </>
  );
}
