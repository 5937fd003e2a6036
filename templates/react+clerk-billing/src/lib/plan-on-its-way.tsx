"use client";

import { useSyncFromClerk } from "./clerk-sync";
import { sessionPlanCheck } from "./session-plan";
import { useAuth } from "../platform";

/*
 * The billing provider's side of the Pro page (views/pro-page.tsx), for Clerk Billing: Clerk's session knows a plan as
 * soon as checkout completes, before the billing webhook brings it to Convex.
 */

/**
 * Whether `plan` is on its way to the active owner while Convex does not grant it yet (`convexOnPlan` false): Clerk's
 * session, asked about the same owner (session-plan.ts), has it. Returns what the page waits for (the owner: switching
 * team starts the wait over), or null. While it waits, asks Convex to sync from Clerk (`api.clerkSync.requestSync`).
 */
export function usePlanOnItsWay(plan: string, convexOnPlan: boolean | undefined): string | null {
  const { has, orgId } = useAuth();
  const sessionOnPlan = has(sessionPlanCheck(plan, orgId));
  const awaited = convexOnPlan === false && sessionOnPlan ? (orgId ?? "user") : null;
  useSyncFromClerk(awaited);
  return awaited;
}

/** What the Pro page says once it has waited out a plan that has not reached Convex: what to check. */
export function PlanNotArrived() {
  return (
    <>
      <p className="font-medium text-zinc-900">
        Clerk has recorded the payment for this plan, but it has not reached this app yet.
      </p>
      <p className="mt-2">
        This page updates by itself once it does. If you run this app, check that the Clerk webhook
        endpoint is subscribed to the billing events (<code>subscription.*</code>,{" "}
        <code>subscriptionItem.*</code> and <code>paymentAttempt.*</code>), and that
        CLERK_WEBHOOK_SECRET and CLERK_SECRET_KEY are set on the Convex deployment.
      </p>
    </>
  );
}
