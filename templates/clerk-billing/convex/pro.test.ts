import { convexTest } from "convex-test";
import { describe, expect, test } from "vitest";
import subscriptionItemCanceled from "../webhooks/samples/subscriptionItem.canceled.json";
import { api } from "./_generated/api";
import { PRO_PLAN } from "./plans";
import schema from "./schema";
import { modules, signedWebhook, useWebhookTestEnv, WEBHOOK_PATH } from "./test.setup";

const USER = "user_2g7np7Hrk0SN6kj5EDMLDaKNL0S";

/** Clerk's subscription item example, for USER, on the app's Pro plan, in this status. */
function proItem(status: string, updated_at: number) {
  const name = status.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  const { data } = subscriptionItemCanceled;
  return {
    ...subscriptionItemCanceled,
    type: `subscriptionItem.${name}`,
    data: {
      ...data,
      status,
      updated_at,
      plan: { ...data.plan, slug: PRO_PLAN, name: "Pro" },
      payer: { ...data.payer, user_id: USER },
    },
  };
}

function setup() {
  const t = convexTest(schema, modules);
  const post = async (event: unknown) => {
    expect((await t.fetch(WEBHOOK_PATH, signedWebhook(event))).status).toBe(200);
  };
  const content = (subject?: string) =>
    (subject ? t.withIdentity({ subject }) : t).query(api.pro.content, {});
  return { post, content };
}

useWebhookTestEnv();

describe("api.pro.content checks the plan on the server", () => {
  test("a Pro subscriber gets the content", async () => {
    const { post, content } = setup();
    await post(proItem("active", 1));
    expect(await content(USER)).toMatchObject({
      headline: expect.any(String),
    });
  });

  test("a free user gets PLAN_REQUIRED", async () => {
    const { content } = setup();
    await expect(content(USER)).rejects.toMatchObject({
      data: { code: "PLAN_REQUIRED", plan: PRO_PLAN },
    });
  });

  test("a user whose Pro item ended gets PLAN_REQUIRED", async () => {
    const { post, content } = setup();
    await post(proItem("active", 1));
    await post(proItem("ended", 2));
    await expect(content(USER)).rejects.toMatchObject({
      data: { code: "PLAN_REQUIRED", plan: PRO_PLAN },
    });
  });

  test("another user's Pro plan does not unlock it", async () => {
    const { post, content } = setup();
    await post(proItem("active", 1));
    await expect(content("user_someone_else")).rejects.toMatchObject({
      data: { code: "PLAN_REQUIRED" },
    });
  });

  test("a signed-out caller gets NOT_SIGNED_IN", async () => {
    const { post, content } = setup();
    await post(proItem("active", 1));
    await expect(content()).rejects.toMatchObject({
      data: { code: "NOT_SIGNED_IN" },
    });
  });
});
