import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { endPlan, startPlan } from "./model/billingProvider.testing";
import { PRO_PLAN } from "./plans";
import { newTest } from "./test.setup";

const USER = "user_pro";

function setup() {
  const t = newTest();
  const user = { kind: "user", id: USER } as const;
  const content = (subject?: string) =>
    (subject ? t.withIdentity({ subject }) : t).query(api.pro.content, {});
  return { t, user, content };
}

describe("api.pro.content checks the plan on the server", () => {
  test("a Pro subscriber gets the content", async () => {
    const { t, user, content } = setup();
    await t.run((ctx) => startPlan(ctx, user, PRO_PLAN));
    expect(await content(USER)).toMatchObject({ headline: expect.any(String) });
  });

  test("a free user gets PLAN_REQUIRED", async () => {
    const { content } = setup();
    await expect(content(USER)).rejects.toMatchObject({
      data: { code: "PLAN_REQUIRED", plan: PRO_PLAN },
    });
  });

  test("a user whose Pro plan ended gets PLAN_REQUIRED", async () => {
    const { t, user, content } = setup();
    await t.run((ctx) => startPlan(ctx, user, PRO_PLAN));
    await t.run((ctx) => endPlan(ctx, user, PRO_PLAN));
    await expect(content(USER)).rejects.toMatchObject({
      data: { code: "PLAN_REQUIRED", plan: PRO_PLAN },
    });
  });

  test("another user's Pro plan does not unlock it", async () => {
    const { t, user, content } = setup();
    await t.run((ctx) => startPlan(ctx, user, PRO_PLAN));
    await expect(content("user_someone_else")).rejects.toMatchObject({
      data: { code: "PLAN_REQUIRED" },
    });
  });

  test("a signed-out caller gets NOT_SIGNED_IN", async () => {
    const { t, user, content } = setup();
    await t.run((ctx) => startPlan(ctx, user, PRO_PLAN));
    await expect(content()).rejects.toMatchObject({ data: { code: "NOT_SIGNED_IN" } });
  });
});
