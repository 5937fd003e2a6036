"use client";

import { Authenticated, AuthLoading, useQuery } from "convex/react";
import type { FunctionReturnType } from "convex/server";
import { api } from "../../../convex/_generated/api";
import { PRO_PLAN } from "../../../convex/plans";
import { Failure, usePolarRedirect } from "../../lib/polar-redirect";
import { Link } from "../../platform";
import { Panel, Placeholder } from "../panel";

type Item = NonNullable<FunctionReturnType<typeof api.subscriptions.current>>["items"][number];

/**
 * The active owner's plan (yours, or your active team's), live from `api.subscriptions.current`, with Polar's customer
 * portal a click away: invoices, payment method, cancel.
 */
export function Billing() {
  return (
    <Panel title="Billing">
      <AuthLoading>
        <Placeholder className="h-16" />
      </AuthLoading>
      <Authenticated>
        <Plan />
      </Authenticated>
    </Panel>
  );
}

function Plan() {
  const current = useQuery(api.subscriptions.current);
  const portal = usePolarRedirect(api.polar.portal);
  // null: Convex does not know the active team yet (the projects panel asks it to sync).
  if (current === undefined || current === null) return <Placeholder className="h-16" />;
  const onPro = current.activePlans.includes(PRO_PLAN);
  const subscriptions = current.items.filter((item) => item.plan !== undefined);

  return (
    <>
      {subscriptions.length === 0 ? (
        <p className="text-zinc-600">You are on the Free plan.</p>
      ) : (
        <ul className="space-y-3">
          {subscriptions.map((item, index) => (
            <Subscription key={index} item={item} />
          ))}
        </ul>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
        {subscriptions.length > 0 ? (
          <button
            type="button"
            disabled={portal.busy}
            onClick={() => portal.open({ returnUrl: window.location.href })}
            className="rounded-full border border-zinc-300 px-4 py-2 font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-50"
          >
            {portal.busy ? "Opening the portal…" : "Manage billing"}
          </button>
        ) : null}
        {onPro ? null : (
          <Link href="/dashboard/pro" className="font-medium text-indigo-600 hover:text-indigo-500">
            Upgrade to Pro
          </Link>
        )}
      </div>
      <Failure message={portal.error} />
      <p className="mt-4 border-t border-zinc-100 pt-4 text-zinc-500">
        The plan of the active owner: yours, or your team&apos;s. Polar handles payments and
        invoices.
      </p>
    </>
  );
}

const dateOf = (ms: number) =>
  new Date(ms).toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });

function Subscription({ item }: { item: Item }) {
  const { label, tone } = statusLook(item);
  const ends = item.period_end === undefined ? null : dateOf(item.period_end);
  return (
    <li>
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-zinc-900">{planName(item)}</span>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${tone}`}>{label}</span>
        {ends ? <span className="text-zinc-600">{whenText(item, ends)}</span> : null}
      </p>
      {item.status === "past_due" ? (
        <p className="mt-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-amber-900">
          The last payment failed, and Polar is retrying it. Update your payment method under Manage
          billing to keep the plan.
        </p>
      ) : null}
    </li>
  );
}

/** The plan's name: the Polar product's, or its slug, capitalized, before `polar:syncProducts` has run. */
function planName(item: Item): string {
  const name = item.plan?.name ?? "";
  return name === item.plan?.slug ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

function statusLook(item: Item): { label: string; tone: string } {
  if (item.is_free_trial) return { label: "Free trial", tone: "bg-indigo-50 text-indigo-700" };
  switch (item.status) {
    case "active":
      return { label: "Active", tone: "bg-emerald-50 text-emerald-700" };
    case "past_due":
      return { label: "Payment failed", tone: "bg-amber-50 text-amber-800" };
    case "canceled":
      return { label: "Canceled", tone: "bg-zinc-100 text-zinc-700" };
    default:
      return { label: item.status.replaceAll("_", " "), tone: "bg-zinc-100 text-zinc-700" };
  }
}

/** When the subscription renews or ends, from its status and the end of its period. */
function whenText(item: Item, date: string): string {
  if (item.is_free_trial) return `Trial ends on ${date}`;
  switch (item.status) {
    case "active":
      return `Renews on ${date}`;
    case "canceled":
      return `Ends on ${date}`;
    default:
      return `Period ends on ${date}`;
  }
}
