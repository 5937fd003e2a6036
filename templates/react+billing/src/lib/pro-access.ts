/**
 * What the Pro page shows, decided by Convex: the plans Convex grants the active owner (`api.subscriptions.current`:
 * yours, or your active team's) are the only ones that unlock anything. Clerk's session is only a hint that a plan
 * Convex has not heard of yet is on its way (the billing webhook, or the sync the page asks for), so the page can say
 * "Activating…" for a while instead of selling the plan again, and then say what to check.
 */
export type ProPageState = "loading" | "onPlan" | "activating" | "notArrived" | "upgrade";

/** How long the page waits for a plan Clerk's session has and Convex has not before it says what to check. */
export const ACTIVATION_WAIT_MS = 20_000;

export function proPageState({
  convexOnPlan,
  sessionOnPlan,
  waitedMs,
}: {
  /** Whether Convex grants the plan to the active owner; undefined while the query loads. */
  convexOnPlan: boolean | undefined;
  /** Whether Clerk's session has the plan for the same owner (sessionPlanCheck). */
  sessionOnPlan: boolean;
  /** How long Convex has been saying no while the session says yes. */
  waitedMs: number;
}): ProPageState {
  if (convexOnPlan === undefined) return "loading";
  if (convexOnPlan) return "onPlan";
  if (!sessionOnPlan) return "upgrade";
  return waitedMs < ACTIVATION_WAIT_MS ? "activating" : "notArrived";
}

/**
 * The argument for Clerk's `has()` that asks about the same owner Convex answers for: the active team's plans while a
 * team is active (`o:`), else the user's (`u:`). Unscoped, `has({ plan })` matches the user's and the team's plans
 * together, so a user paying for Pro would look "on Pro" inside a free team that Convex (rightly) does not grant.
 */
export function sessionPlanCheck(plan: string, orgId: string | null | undefined): { plan: string } {
  return { plan: orgId ? `o:${plan}` : `u:${plan}` };
}
