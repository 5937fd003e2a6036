"use client";

import { Authenticated, useQuery } from "convex/react";
import { api } from "../../../convex/_generated/api";
import { PRO_PLAN } from "../../../convex/plans";

/** The Pro plan's content, read from `api.pro.content`, which Convex only returns to Pro subscribers. */
export function ProContent() {
  return (
    <Authenticated>
      <Content />
    </Authenticated>
  );
}

function Content() {
  const plans = useQuery(api.subscriptions.current);
  const active = plans?.activePlans.includes(PRO_PLAN) ?? false;
  // Asked only once Convex also has the plan: before that, the query would answer PLAN_REQUIRED.
  const content = useQuery(api.pro.content, active ? {} : "skip");

  if (plans === undefined || (active && content === undefined)) {
    return <div className="mt-8 h-32 animate-pulse rounded-2xl bg-zinc-100" />;
  }
  if (!active || content === undefined) {
    // Clerk already says Pro (the page shows this only then), but Clerk's billing webhook has not reached Convex
    // yet. The query above is live: the content appears as soon as it does.
    return (
      <div
        className="mt-8 flex items-center gap-3 rounded-2xl border border-zinc-200 p-6 text-sm text-zinc-600"
        role="status"
      >
        <span className="size-2 animate-pulse rounded-full bg-amber-500" />
        Activating your plan… This takes a few seconds after checkout.
      </div>
    );
  }
  return (
    <div className="mt-8 rounded-2xl border border-zinc-200 bg-white p-6 shadow-xs">
      <h2 className="font-semibold">{content.headline}</h2>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-zinc-600">
        {content.tips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
    </div>
  );
}
