/**
 * What the Pro page shows, decided by Convex: the plans Convex grants the active owner (`api.subscriptions.current`:
 * yours, or your active team's) are the only ones that unlock anything. The billing provider only hints that a plan
 * Convex has not heard of yet is on its way (lib/plan-on-its-way.tsx: Clerk's session, or the checkout the buyer
 * returns from), so the page can say "Activating…" for a while instead of selling the plan again, and then say what to
 * check.
 */
export type ProPageState = "loading" | "onPlan" | "activating" | "notArrived" | "upgrade";

/** How long the page waits for a plan on its way before it says what to check. */
export const ACTIVATION_WAIT_MS = 20_000;

export function proPageState({
  convexOnPlan,
  planOnItsWay,
  waitedMs,
}: {
  /** Whether Convex grants the plan to the active owner; undefined while the query loads. */
  convexOnPlan: boolean | undefined;
  /** Whether the billing provider says the same owner has the plan (lib/plan-on-its-way.tsx). */
  planOnItsWay: boolean;
  /** How long Convex has been saying no while the provider says yes. */
  waitedMs: number;
}): ProPageState {
  if (convexOnPlan === undefined) return "loading";
  if (convexOnPlan) return "onPlan";
  if (!planOnItsWay) return "upgrade";
  return waitedMs < ACTIVATION_WAIT_MS ? "activating" : "notArrived";
}
