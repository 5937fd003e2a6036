import { describe, expect, test } from "vitest";
import { ACTIVATION_WAIT_MS, proPageState } from "./pro-access";

describe("proPageState", () => {
  const waits = [0, ACTIVATION_WAIT_MS - 1, ACTIVATION_WAIT_MS, 10 * ACTIVATION_WAIT_MS];

  test("waits for Convex, whatever the provider says and however long it took", () => {
    for (const planOnItsWay of [true, false]) {
      for (const waitedMs of waits) {
        expect(proPageState({ convexOnPlan: undefined, planOnItsWay, waitedMs })).toBe("loading");
      }
    }
  });

  test("shows the content whenever Convex grants the plan, even if the provider says no", () => {
    for (const planOnItsWay of [true, false]) {
      for (const waitedMs of waits) {
        expect(proPageState({ convexOnPlan: true, planOnItsWay, waitedMs })).toBe("onPlan");
      }
    }
  });

  test("offers the plan when neither Convex nor the provider has it", () => {
    for (const waitedMs of waits) {
      expect(proPageState({ convexOnPlan: false, planOnItsWay: false, waitedMs })).toBe("upgrade");
    }
  });

  test("says the plan is activating while it is on its way and Convex lacks it, up to the wait", () => {
    expect(proPageState({ convexOnPlan: false, planOnItsWay: true, waitedMs: 0 })).toBe(
      "activating",
    );
    expect(
      proPageState({
        convexOnPlan: false,
        planOnItsWay: true,
        waitedMs: ACTIVATION_WAIT_MS - 1,
      }),
    ).toBe("activating");
  });

  test("stops saying activating once the wait is over: the plan has not reached Convex", () => {
    for (const waitedMs of [ACTIVATION_WAIT_MS, 10 * ACTIVATION_WAIT_MS]) {
      expect(proPageState({ convexOnPlan: false, planOnItsWay: true, waitedMs })).toBe(
        "notArrived",
      );
    }
  });
});
