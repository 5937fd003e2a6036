"use client";

import { Authenticated, AuthLoading, usePaginatedQuery } from "convex/react";
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
      <AuthLoading>
        <Placeholder className="h-20" />
      </AuthLoading>
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

  if (status === "LoadingFirstPage") return <Placeholder className="h-20" />;
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
      {/* Fits a phone without scrolling sideways: the payment method shows from the sm breakpoint up. */}
      <div className="-mx-6">
        <table className="w-full text-left">
          <caption className="sr-only">Payments, newest first</caption>
          <thead className="text-xs text-zinc-500">
            <tr className="[&>th]:px-3 [&>th]:pb-2 [&>th]:font-medium sm:[&>th]:px-6">
              <th scope="col">Date</th>
              <th scope="col">Plan</th>
              <th scope="col" className="hidden sm:table-cell">
                Payment method
              </th>
              <th scope="col">Status</th>
              <th scope="col" className="text-right">
                Amount
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 border-t border-zinc-100">
            {results.map((payment) => (
              <tr key={payment._id} className="[&>td]:px-3 [&>td]:py-3 sm:[&>td]:px-6">
                <td>{new Date(payment.paid_at ?? payment.created_at).toLocaleDateString()}</td>
                <td>{payment.plans.join(", ")}</td>
                <td className="hidden text-zinc-500 capitalize sm:table-cell">
                  {payment.last4
                    ? `${payment.card_type ?? "card"} •••• ${payment.last4}`
                    : payment.payment_method}
                </td>
                <td>
                  <StatusPill status={payment.status} />
                </td>
                <td className="text-right font-medium whitespace-nowrap tabular-nums">
                  {payment.amount_formatted}
                </td>
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
