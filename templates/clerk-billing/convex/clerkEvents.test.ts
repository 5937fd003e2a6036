import { convexTest } from "convex-test";
import { expect, test } from "vitest";
import paymentAttemptUpdated from "../webhooks/samples/paymentAttempt.updated.json";
import { clerkEventHandlers } from "./clerkEvents";
import schema from "./schema";
import { modules, signedWebhook, useWebhookTestEnv, WEBHOOK_PATH } from "./test.setup";

useWebhookTestEnv();

test("the backend acts on user events and Clerk Billing's payments, subscriptions and subscription items", () => {
  expect(Object.keys(clerkEventHandlers)).toEqual(
    expect.arrayContaining([
      "paymentAttempt.created",
      "paymentAttempt.updated",
      "subscription.active",
      "subscription.created",
      "subscription.pastDue",
      "subscription.updated",
      "subscriptionItem.abandoned",
      "subscriptionItem.active",
      "subscriptionItem.canceled",
      "subscriptionItem.created",
      "subscriptionItem.ended",
      "subscriptionItem.freeTrialEnding",
      "subscriptionItem.incomplete",
      "subscriptionItem.pastDue",
      "subscriptionItem.upcoming",
      "subscriptionItem.updated",
      "user.created",
      "user.deleted",
      "user.updated",
    ]),
  );
});

test("paymentAttempt events are stored, not ignored", async () => {
  const t = convexTest(schema, modules);
  const res = await t.fetch(WEBHOOK_PATH, signedWebhook(paymentAttemptUpdated));
  expect(res.status).toBe(200);
  expect(console.log).not.toHaveBeenCalledWith(expect.stringContaining("Ignored"));
  const stored = await t.run((ctx) => ctx.db.query("paymentAttempts").collect());
  expect(stored.map((p) => p.payment_id)).toEqual([paymentAttemptUpdated.data.payment_id]);
});
