import { convexTest } from "convex-test";
import { expect, test } from "vitest";
import subscriptionItemCanceled from "../webhooks/samples/subscriptionItem.canceled.json";
import { api } from "./_generated/api";
import { FREE_PROJECT_LIMIT } from "./limits";
import { PRO_PLAN } from "./plans";
import schema from "./schema";
import { modules, signedWebhook, useWebhookTestEnv, WEBHOOK_PATH } from "./test.setup";

useWebhookTestEnv();

const USER = "user_limits";

function proItem(status: string, updated_at: number) {
  const { data } = subscriptionItemCanceled;
  return {
    ...subscriptionItemCanceled,
    type: status === "active" ? "subscriptionItem.active" : "subscriptionItem.ended",
    data: {
      ...data,
      status,
      updated_at,
      plan: { ...data.plan, slug: PRO_PLAN },
      payer: { ...data.payer, user_id: USER },
    },
  };
}

test("the Pro plan lifts the free project limit, and ending it brings the limit back", async () => {
  const t = convexTest(schema, modules);
  const user = t.withIdentity({ subject: USER });
  const create = (name: string) => user.mutation(api.projects.create, { name });
  for (let i = 0; i < FREE_PROJECT_LIMIT; i++) await create(`Free ${i}`);
  await expect(create("Blocked")).rejects.toMatchObject({ data: { code: "PROJECT_LIMIT" } });

  expect((await t.fetch(WEBHOOK_PATH, signedWebhook(proItem("active", 1)))).status).toBe(200);
  await create("Pro 1");
  await create("Pro 2");
  expect(await user.query(api.projects.usage, {})).toMatchObject({
    count: FREE_PROJECT_LIMIT + 2,
    limit: null,
  });

  expect((await t.fetch(WEBHOOK_PATH, signedWebhook(proItem("ended", 2)))).status).toBe(200);
  await expect(create("Blocked again")).rejects.toMatchObject({
    data: { code: "PROJECT_LIMIT", limit: FREE_PROJECT_LIMIT },
  });
});
