"use client";

import { Authenticated, usePaginatedQuery } from "convex/react";
import { api } from "@/convex/_generated/api";

export function PaymentHistory() {
  return (
    <section className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-xs">
      <h2 className="font-semibold">Payment history</h2>
      <Authenticated>
        <Payments />
      </Authenticated>
    </section>
  );
}

function Payments() {
  const { results, status, loadMore } = usePaginatedQuery(
    api.paymentAttempts.listForCurrentUser,
    {},
    { initialNumItems: 10 },
  );

  if (status === "LoadingFirstPage") return <div className="mt-4 h-10 animate-pulse rounded-lg bg-zinc-100" />;
  if (results.length === 0) {
    return <p className="mt-4 text-sm text-zinc-600">No payments yet. They appear here as soon as Clerk reports them.</p>;
  }

  return (
    <>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-zinc-500">
            <tr className="border-b border-zinc-200">
              <th className="py-2 pr-4 font-normal">Date</th>
              <th className="py-2 pr-4 font-normal">Plan</th>
              <th className="py-2 pr-4 font-normal">Payment method</th>
              <th className="py-2 pr-4 font-normal">Status</th>
              <th className="py-2 text-right font-normal">Amount</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {results.map((payment) => (
              <tr key={payment._id}>
                <td className="py-3 pr-4 whitespace-nowrap">
                  {new Date(payment.paid_at ?? payment.created_at).toLocaleDateString()}
                </td>
                <td className="py-3 pr-4">{payment.plans.join(", ")}</td>
                <td className="py-3 pr-4 whitespace-nowrap capitalize">
                  {payment.last4 ? `${payment.card_type ?? "card"} ···· ${payment.last4}` : payment.payment_method}
                </td>
                <td className="py-3 pr-4">
                  <Status status={payment.status} />
                </td>
                <td className="py-3 text-right font-medium tabular-nums">
                  {payment.amount_formatted}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {status !== "Exhausted" && (
        <button
          onClick={() => loadMore(10)}
          disabled={status === "LoadingMore"}
          className="mt-4 rounded-full border border-zinc-300 px-4 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-50"
        >
          {status === "LoadingMore" ? "Loading…" : "Load more"}
        </button>
      )}
    </>
  );
}

function Status({ status }: { status: string }) {
  const tone =
    status === "paid"
      ? "bg-emerald-50 text-emerald-700"
      : status === "failed"
        ? "bg-red-50 text-red-700"
        : "bg-zinc-100 text-zinc-700";
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium capitalize ${tone}`}>{status}</span>;
}
