import { convexTest } from "convex-test";
import { expect, test } from "vitest";
import { clerkEventHandlers } from "./clerkEvents";
import schema from "./schema";
import { modules, signedWebhook, useWebhookTestEnv, WEBHOOK_PATH } from "./test.setup";

// A feature layer (payments) replaces clerkEvents.ts and this test together.

useWebhookTestEnv();

test("the backend acts on Clerk's user events", () => {
  expect(Object.keys(clerkEventHandlers)).toEqual(
    expect.arrayContaining(["user.created", "user.deleted", "user.updated"]),
  );
});

test("paymentAttempt events are acknowledged and ignored", async () => {
  const t = convexTest(schema, modules);
  const event = {
    object: "event",
    type: "paymentAttempt.created",
    instance_id: "ins_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
    timestamp: 1716883200,
    data: {
      id: "pa_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
      payment_id: "cpa_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
    },
  };
  const res = await t.fetch(WEBHOOK_PATH, signedWebhook(event, { id: "msg_payment" }));
  expect(res.status).toBe(200);
  expect(console.log).toHaveBeenCalledWith(
    "Ignored Clerk event paymentAttempt.created (msg_payment)",
  );
});
