import { describe, expect, test } from "vitest";
import { ACTIVATION_WAIT_MS, proPageState } from "./pro-access";
import { sessionPlanCheck } from "./session-plan";

/**
 * A stand-in for Clerk's `has({ plan })` over a session's plans claim, such as "u:pro,o:free" (`u:` the user's plans,
 * `o:` the active team's): a scoped check reads one owner's plans, an unscoped one reads both, as Clerk documents.
 */
function sessionHas(claim: string) {
  const plans = claim.split(",").map((entry) => entry.split(":") as [string, string]);
  return ({ plan }: { plan: string }) => {
    const [scope, slug] = plan.includes(":") ? plan.split(":") : [undefined, plan];
    return plans.some(([owner, held]) => held === slug && (scope === undefined || scope === owner));
  };
}

describe("sessionPlanCheck", () => {
  test("asks about the user's plans without an active team, and the team's with one", () => {
    expect(sessionPlanCheck("pro", null)).toEqual({ plan: "u:pro" });
    expect(sessionPlanCheck("pro", undefined)).toEqual({ plan: "u:pro" });
    expect(sessionPlanCheck("pro", "org_1")).toEqual({ plan: "o:pro" });
  });
});

// The user's and the active team's plans, paired, as the Pro page sees them: Convex answers for the active owner (the
// team while one is active), and Clerk's session hint (lib/plan-on-its-way.tsx) must be about that same owner.
describe("the Pro page for each pairing of the user's and the active team's plans", () => {
  const page = (claim: string, orgId: string | null, convexOnPlan: boolean, waitedMs = 0) =>
    proPageState({
      convexOnPlan,
      planOnItsWay: sessionHas(claim)(sessionPlanCheck("pro", orgId)),
      waitedMs,
    });

  test("a user on Pro inside a free team is offered the plan for the team, not left activating", () => {
    // Unscoped, the session would say Pro here: the user's plan counted for the team.
    expect(sessionHas("u:pro,o:free")({ plan: "pro" })).toBe(true);
    expect(page("u:pro,o:free", "org_1", false, 10 * ACTIVATION_WAIT_MS)).toBe("upgrade");
  });

  test("a free user in a team on Pro sees the content once Convex has the team's plan", () => {
    expect(page("u:free,o:pro", "org_1", true)).toBe("onPlan");
  });

  test("a team that just bought Pro is activating until Convex has it, then says it has not arrived", () => {
    expect(page("u:free,o:pro", "org_1", false)).toBe("activating");
    expect(page("u:free,o:pro", "org_1", false, ACTIVATION_WAIT_MS)).toBe("notArrived");
  });

  test("a user on Pro with no team active sees the content", () => {
    expect(page("u:pro", null, true)).toBe("onPlan");
  });

  test("a user who just bought Pro, with no team active, is activating until Convex has it", () => {
    expect(page("u:pro", null, false)).toBe("activating");
    expect(page("u:pro", null, false, ACTIVATION_WAIT_MS)).toBe("notArrived");
  });

  test("a session token from before the purchase does not hide a plan Convex already grants", () => {
    expect(page("u:free", null, true)).toBe("onPlan");
    expect(page("u:free,o:free", "org_1", true)).toBe("onPlan");
  });

  test("a free user in a free team is offered the plan", () => {
    expect(page("u:free,o:free", "org_1", false)).toBe("upgrade");
    expect(page("u:free", null, false)).toBe("upgrade");
  });
});
