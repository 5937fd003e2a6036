/**
 * The argument for Clerk's `has()` that asks about the same owner Convex answers for: the active team's plans while a
 * team is active (`o:`), else the user's (`u:`). Unscoped, `has({ plan })` matches the user's and the team's plans
 * together, so a user paying for Pro would look "on Pro" inside a free team that Convex (rightly) does not grant.
 */
export function sessionPlanCheck(plan: string, orgId: string | null | undefined): { plan: string } {
  return { plan: orgId ? `o:${plan}` : `u:${plan}` };
}
