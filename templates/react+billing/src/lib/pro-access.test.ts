import { describe, expect, test } from "vitest";
import { ACTIVATION_WAIT_MS, proPageState, sessionPlanCheck } from "./pro-access";

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

describe("proPageState", () => {
  const waits = [0, ACTIVATION_WAIT_MS - 1, ACTIVATION_WAIT_MS, 10 * ACTIVATION_WAIT_MS];

  test("waits for Convex, whatever the session says and however long it took", () => {
    for (const sessionOnPlan of [true, false]) {
      for (const waitedMs of waits) {
        expect(proPageState({ convexOnPlan: undefined, sessionOnPlan, waitedMs })).toBe("loading");
      }
    }
  });

  test("shows the content whenever Convex grants the plan, even if the session says no", () => {
    for (const sessionOnPlan of [true, false]) {
      for (const waitedMs of waits) {
        expect(proPageState({ convexOnPlan: true, sessionOnPlan, waitedMs })).toBe("onPlan");
      }
    }
  });

  test("offers the plan when neither Convex nor the session has it", () => {
    for (const waitedMs of waits) {
      expect(proPageState({ convexOnPlan: false, sessionOnPlan: false, waitedMs })).toBe("upgrade");
    }
  });

  test("says the plan is activating while the session has it and Convex not yet, up to the wait", () => {
    expect(proPageState({ convexOnPlan: false, sessionOnPlan: true, waitedMs: 0 })).toBe(
      "activating",
    );
    expect(
      proPageState({
        convexOnPlan: false,
        sessionOnPlan: true,
        waitedMs: ACTIVATION_WAIT_MS - 1,
      }),
    ).toBe("activating");
  });

  test("stops saying activating once the wait is over: the plan has not reached Convex", () => {
    for (const waitedMs of [ACTIVATION_WAIT_MS, 10 * ACTIVATION_WAIT_MS]) {
      expect(proPageState({ convexOnPlan: false, sessionOnPlan: true, waitedMs })).toBe(
        "notArrived",
      );
    }
  });
});

describe("sessionPlanCheck", () => {
  test("asks about the user's plans without an active team, and the team's with one", () => {
    expect(sessionPlanCheck("pro", null)).toEqual({ plan: "u:pro" });
    expect(sessionPlanCheck("pro", undefined)).toEqual({ plan: "u:pro" });
    expect(sessionPlanCheck("pro", "org_1")).toEqual({ plan: "o:pro" });
  });
});

// The user's and the active team's plans, paired, as the page sees them: Convex answers for the active owner (the
// team while one is active), and the session hint must be about that same owner.
describe("the Pro page for each pairing of the user's and the active team's plans", () => {
  const page = (claim: string, orgId: string | null, convexOnPlan: boolean, waitedMs = 0) =>
    proPageState({
      convexOnPlan,
      sessionOnPlan: sessionHas(claim)(sessionPlanCheck("pro", orgId)),
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
