import type { Metadata } from "next";
import { auth } from "@clerk/nextjs/server";
import Link from "next/link";
import { Account } from "@/components/dashboard/account";
import { PaymentHistory } from "@/components/dashboard/payment-history";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await auth.protect();

  return (
    <div className="mx-auto max-w-4xl space-y-8 px-6 py-12">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Dashboard</h1>
          <p className="mt-2 text-zinc-600">Your user record and payments, read live from Convex.</p>
        </div>
        <Link
          href="/dashboard/pro"
          className="rounded-full bg-linear-to-r from-indigo-500 to-fuchsia-500 px-4 py-2 text-sm font-medium text-white shadow-sm hover:opacity-90"
        >
          Pro area →
        </Link>
      </header>
      <Account />
      <PaymentHistory />
    </div>
  );
}
