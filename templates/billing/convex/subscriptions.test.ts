import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { endPlan, startPlan } from "./model/billingProvider.testing";
import { hasPlan, plansOf, requirePlan } from "./model/entitlements";
import { PRO_PLAN } from "./plans";
import { newTest } from "./test.setup";

const USER = "user_plans";
const user = { kind: "user", id: USER } as const;

describe("plans come from the owner's subscriptions, kept by the billing provider", () => {
  test("hasPlan, requirePlan and plansOf follow a plan from its start to its end", async () => {
    const t = newTest();
    const asUser = t.withIdentity({ subject: USER });
    expect(await asUser.run((ctx) => hasPlan(ctx, PRO_PLAN))).toBe(false);

    await t.run((ctx) => startPlan(ctx, user, PRO_PLAN));
    expect(await asUser.run((ctx) => hasPlan(ctx, PRO_PLAN))).toBe(true);
    await asUser.run((ctx) => requirePlan(ctx, PRO_PLAN));
    expect(await t.run((ctx) => plansOf(ctx, user))).toEqual([PRO_PLAN]);

    await t.run((ctx) => endPlan(ctx, user, PRO_PLAN));
    expect(await asUser.run((ctx) => hasPlan(ctx, PRO_PLAN))).toBe(false);
    await expect(asUser.run((ctx) => requirePlan(ctx, PRO_PLAN))).rejects.toMatchObject({
      data: { code: "PLAN_REQUIRED", plan: PRO_PLAN },
    });
    expect(await t.run((ctx) => plansOf(ctx, user))).toEqual([]);
  });

  test("signed out: no plan, and requirePlan says NOT_SIGNED_IN", async () => {
    const t = newTest();
    await t.run((ctx) => startPlan(ctx, user, PRO_PLAN));
    expect(await t.run((ctx) => hasPlan(ctx, PRO_PLAN))).toBe(false);
    await expect(t.run((ctx) => requirePlan(ctx, PRO_PLAN))).rejects.toMatchObject({
      data: { code: "NOT_SIGNED_IN" },
    });
  });
});

describe("api.subscriptions.current", () => {
  test("null when signed out", async () => {
    const t = newTest();
    expect(await t.query(api.subscriptions.current, {})).toBeNull();
  });

  test("the caller's active plans and current subscriptions, and no one else's", async () => {
    const t = newTest();
    await t.run((ctx) => startPlan(ctx, user, PRO_PLAN));
    await t.run((ctx) => startPlan(ctx, { kind: "user", id: "user_other" }, "other-plan"));
    const current = await t.withIdentity({ subject: USER }).query(api.subscriptions.current, {});
    expect(current).toMatchObject({
      activePlans: [PRO_PLAN],
      items: [{ plan: { slug: PRO_PLAN }, is_free_trial: false }],
    });
    expect(current?.items).toHaveLength(1);
  });
});
