"use client";

import { Authenticated, usePaginatedQuery } from "convex/react";
import { api } from "../../../convex/_generated/api";
import { Link } from "../../platform";
import { LoadMore, Panel, Placeholder } from "../panel";
import { StatusPill } from "./status-pill";

/**
 * The active owner's Clerk Billing payments, stored in Convex by the webhook, newest first: yours, or while a team is
 * active the team's (shown to members who may manage its billing; others get none).
 */
export function PaymentHistory() {
  return (
    <Panel title="Payment history">
      <Authenticated>
        <Payments />
      </Authenticated>
    </Panel>
  );
}

function Payments() {
  const { results, status, loadMore } = usePaginatedQuery(
    api.paymentAttempts.list,
    {},
    { initialNumItems: 10 },
  );

  if (status === "LoadingFirstPage") return <Placeholder />;
  if (results.length === 0) {
    return (
      <>
        <p className="text-zinc-600">
          No payments yet. They appear here as soon as Clerk reports them.{" "}
          <Link href="/dashboard/pro" className="font-medium text-indigo-600 hover:text-indigo-500">
            Upgrade to Pro
          </Link>
        </p>
        <Scope />
      </>
    );
  }

  return (
    <>
      <div className="-mx-6 overflow-x-auto">
        <table className="w-full text-left whitespace-nowrap">
          <thead className="text-xs text-zinc-500">
            <tr className="[&>th]:px-6 [&>th]:pb-2 [&>th]:font-medium">
              <th>Date</th>
              <th>Plan</th>
              <th>Payment method</th>
              <th>Status</th>
              <th className="text-right">Amount</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 border-t border-zinc-100">
            {results.map((payment) => (
              <tr key={payment._id} className="[&>td]:px-6 [&>td]:py-3">
                <td>{new Date(payment.paid_at ?? payment.created_at).toLocaleDateString()}</td>
                <td>{payment.plans.join(", ")}</td>
                <td className="text-zinc-500 capitalize">
                  {payment.last4
                    ? `${payment.card_type ?? "card"} •••• ${payment.last4}`
                    : payment.payment_method}
                </td>
                <td>
                  <StatusPill status={payment.status} />
                </td>
                <td className="text-right font-medium tabular-nums">{payment.amount_formatted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore status={status} loadMore={loadMore} />
      <Scope />
    </>
  );
}

function Scope() {
  return (
    <p className="mt-4 border-t border-zinc-100 pt-4 text-zinc-500">
      Payments of the active owner: yours, or your team&apos;s.
    </p>
  );
}
