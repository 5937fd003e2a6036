import { useConvexAuth, usePaginatedQuery } from "convex/react";
import { Link } from "react-router";
import { api } from "../../convex/_generated/api";
import Panel from "./Panel";

const statusStyles: Record<string, string> = {
  paid: "bg-emerald-50 text-emerald-700",
  failed: "bg-red-50 text-red-700",
};

/** The signed-in user's Clerk Billing payments, stored in Convex by the webhook, newest first. */
export default function PaymentHistory() {
  const { isAuthenticated } = useConvexAuth();
  const { results, status, loadMore } = usePaginatedQuery(
    api.paymentAttempts.listForCurrentUser,
    isAuthenticated ? {} : "skip",
    { initialNumItems: 10 },
  );

  if (status === "LoadingFirstPage") {
    return <Panel title="Payments">Loading…</Panel>;
  }
  if (results.length === 0) {
    return (
      <Panel title="Payments">
        No payments yet.{" "}
        <Link to="/dashboard/pro" className="font-medium text-indigo-600 hover:text-indigo-500">
          Upgrade to Pro
        </Link>
      </Panel>
    );
  }

  return (
    <Panel title="Payments">
      <div className="-mx-6 overflow-x-auto">
        <table className="w-full text-left whitespace-nowrap">
          <thead className="text-xs text-zinc-500">
            <tr className="[&>th]:px-6 [&>th]:pb-2 [&>th]:font-medium">
              <th>Date</th>
              <th>Plan</th>
              <th>Method</th>
              <th>Status</th>
              <th className="text-right">Amount</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 border-t border-zinc-100">
            {results.map((payment) => (
              <tr key={payment._id} className="[&>td]:px-6 [&>td]:py-3">
                <td>{new Date(payment.paid_at ?? payment.created_at).toLocaleDateString()}</td>
                <td>{payment.plans.join(", ")}</td>
                <td className="text-zinc-500">
                  {payment.last4 ? `${payment.card_type ?? "Card"} •••• ${payment.last4}` : payment.payment_method}
                </td>
                <td>
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-medium capitalize ${statusStyles[payment.status] ?? "bg-zinc-100 text-zinc-600"}`}
                  >
                    {payment.status}
                  </span>
                </td>
                <td className="text-right font-medium tabular-nums">
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
          className="mt-4 rounded-lg border border-zinc-200 px-3.5 py-2 font-medium hover:bg-zinc-50 disabled:opacity-50"
        >
          {status === "LoadingMore" ? "Loading…" : "Load more"}
        </button>
      )}
    </Panel>
  );
}
