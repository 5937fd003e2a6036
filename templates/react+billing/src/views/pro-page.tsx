"use client";

import { Authenticated, AuthLoading, Unauthenticated, useQuery } from "convex/react";
import { useEffect, useState } from "react";
import { api } from "../../convex/_generated/api";
import { PRO_PLAN } from "../../convex/plans";
import { ErrorBoundary } from "../components/error-boundary";
import { Placeholder } from "../components/panel";
import { PlanPricingTable } from "../components/plan-pricing-table";
import { ProContent } from "../components/pro/pro-content";
import { Upgrade } from "../components/pro/upgrade";
import { PlanNotArrived, usePlanOnItsWay } from "../lib/plan-on-its-way";
import { ACTIVATION_WAIT_MS, proPageState } from "../lib/pro-access";

/**
 * The Pro page. Convex decides (lib/pro-access.ts): the content shows when `api.subscriptions.current` grants
 * PRO_PLAN to the active owner (you, or your active team), the same check `api.pro.content` makes. The frontend's
 * server only checks that you are signed in. The billing provider gives a hint (lib/plan-on-its-way.tsx: Clerk's
 * session, or the checkout the buyer returns from): when it says the plan is on its way and Convex does not have it
 * yet, the page asks Convex to sync and says the plan is activating, then what to check. What fails shows under the
 * page's title.
 */
export function ProPage() {
  return (
    <div className="mx-auto max-w-4xl px-6 py-12">
      <ErrorBoundary heading={<Title />}>
        <AuthLoading>
          <Loading />
        </AuthLoading>
        <Unauthenticated>
          <Title />
          <p className="mt-2 text-red-700">
            Convex did not accept your Clerk session. Check that the Convex integration is active in
            Clerk and that CLERK_JWT_ISSUER_DOMAIN is set on the Convex deployment.
          </p>
        </Unauthenticated>
        <Authenticated>
          <ProGate />
        </Authenticated>
      </ErrorBoundary>
    </div>
  );
}

function ProGate() {
  const plans = useQuery(api.subscriptions.current);
  const convexOnPlan =
    plans === undefined ? undefined : (plans?.activePlans.includes(PRO_PLAN) ?? false);
  // What the provider says is on its way and Convex lacks (yet): when it changes, the wait starts over.
  const awaited = usePlanOnItsWay(PRO_PLAN, convexOnPlan);
  const waitedMs = useWaitedMs(awaited);

  switch (proPageState({ convexOnPlan, planOnItsWay: awaited !== null, waitedMs })) {
    case "loading":
      return <Loading />;
    case "onPlan":
      return (
        <>
          <Title />
          <p className="mt-2 text-zinc-600">
            The content below comes from a Convex query that checks your plan on the server, so no
            one without the plan can read it, whatever client they use.
          </p>
          <div className="mt-8">
            <ErrorBoundary>
              <ProContent />
            </ErrorBoundary>
          </div>
        </>
      );
    case "activating":
      return <Activation waitedOut={false} />;
    case "notArrived":
      return <Activation waitedOut />;
    case "upgrade":
      return <Upgrade />;
  }
}

function Title() {
  return <h1 className="text-3xl font-semibold tracking-tight">Pro</h1>;
}

function Loading() {
  return (
    <>
      <Title />
      <Placeholder className="mt-8 h-32" />
    </>
  );
}

/**
 * The provider says the plan is on its way, Convex does not have it yet. One live region for both states, so a screen reader hears the
 * message change when the wait is over.
 */
function Activation({ waitedOut }: { waitedOut: boolean }) {
  return (
    <>
      <Title />
      <div
        className="mt-8 rounded-2xl border border-zinc-200 p-6 text-sm text-zinc-600"
        role="status"
      >
        {waitedOut ? (
          <PlanNotArrived />
        ) : (
          <p className="flex items-center gap-3">
            <span className="size-2 animate-pulse rounded-full bg-amber-500" aria-hidden="true" />
            Activating your plan… This takes a few seconds after checkout.
          </p>
        )}
      </div>
      {waitedOut ? (
        <>
          <h2 className="mt-10 text-xl font-semibold tracking-tight">Plans</h2>
          <p className="mt-2 text-zinc-600">Check or change your plan here.</p>
          <div className="mt-6">
            <PlanPricingTable />
          </div>
        </>
      ) : null}
    </>
  );
}

/**
 * How long `key` (what the page waits for) has stayed the same, measured once ACTIVATION_WAIT_MS have passed: 0
 * before that, and again 0 while nothing is awaited (null).
 */
function useWaitedMs(key: string | null): number {
  const [waited, setWaited] = useState<{ key: string; ms: number } | null>(null);
  useEffect(() => {
    if (key === null) return;
    const started = Date.now();
    const timer = setTimeout(
      () => setWaited({ key, ms: Date.now() - started }),
      ACTIVATION_WAIT_MS,
    );
    return () => clearTimeout(timer);
  }, [key]);
  return key !== null && waited?.key === key ? waited.ms : 0;
}
