import { PricingTable, Show } from "@clerk/react";
import { useConvexAuth, useQuery } from "convex/react";
import { api } from "../../convex/_generated/api";
import { PRO_PLAN } from "../../convex/plans";

/**
 * For subscribers to the Clerk Billing plan PRO_PLAN. `<Show>` picks what to render from Clerk's session; the
 * content itself comes from `api.pro.content`, which Convex returns only to callers on the plan.
 */
export default function Pro() {
  return (
    <div className="mx-auto max-w-5xl px-6 py-16">
      <Show
        when={{ plan: PRO_PLAN }}
        fallback={
          <>
            <h1 className="text-3xl font-semibold tracking-tight">Pro is a paid plan</h1>
            <p className="mt-3 text-zinc-600">Subscribe to Pro to unlock this page.</p>
            <div className="mt-12">
              <PricingTable newSubscriptionRedirectUrl="/dashboard/pro" />
            </div>
          </>
        }
      >
        <h1 className="text-3xl font-semibold tracking-tight">Welcome to Pro</h1>
        <p className="mt-3 text-zinc-600">
          The content below comes from a Convex query that checks your plan on the server, so no one without the
          plan can read it, whatever client they use.
        </p>
        <ProContent />
      </Show>
    </div>
  );
}

function ProContent() {
  const { isAuthenticated } = useConvexAuth();
  const plans = useQuery(api.subscriptions.current, isAuthenticated ? {} : "skip");
  const active = plans?.activePlans.includes(PRO_PLAN) ?? false;
  // Asked only once Convex also has the plan: before that, the query would answer PLAN_REQUIRED.
  const content = useQuery(api.pro.content, active ? {} : "skip");

  if (plans === undefined || (active && content === undefined)) {
    return <div className="mt-10 h-32 animate-pulse rounded-2xl bg-zinc-100" />;
  }
  if (!active || content === undefined) {
    // Clerk already says Pro, but Clerk's billing webhook has not reached Convex yet. The query above is
    // live: the content appears as soon as it does.
    return (
      <div className="mt-10 flex items-center gap-3 rounded-2xl border border-zinc-200 p-6 text-sm text-zinc-600" role="status">
        <span className="size-2 animate-pulse rounded-full bg-amber-500" />
        Activating your plan… This takes a few seconds after checkout.
      </div>
    );
  }
  return (
    <section className="mt-10 rounded-2xl border border-zinc-200 p-6 shadow-xs">
      <h2 className="font-semibold">{content.headline}</h2>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-zinc-700">
        {content.tips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
    </section>
  );
}
