import type { Metadata } from "next";
import { auth } from "@clerk/nextjs/server";
import { Account } from "@/components/dashboard/account";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await auth.protect();

  return (
    <div className="mx-auto max-w-4xl space-y-8 px-6 py-12">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Dashboard</h1>
        <p className="mt-2 text-zinc-600">Your user record, read live from Convex.</p>
      </header>
      <Account />
    </div>
  );
}
