// @vitest-environment node
// webhook:send's Clerk Billing flags (./clerk-billing.ts), applied to Clerk's samples by buildEvent.
import { expect, test } from "vitest";
import { buildEvent } from "../send";

type Item = { updated_at: number; plan: { slug: string }; payer?: { user_id: string } };
type Payment = { id: string; payment_id: string; payer: { user_id: string } };
const now = new Date("2030-01-01T00:00:00Z");

test("--plan sets the plan slug, of every item too; each item is the newest version", async () => {
  const item = (await buildEvent("subscriptionItem.active", { plan: "pro" }, now)).data as Item;
  expect(item).toMatchObject({ updated_at: now.getTime(), plan: { slug: "pro" } });
  const { data } = await buildEvent("subscription.created", { plan: "pro" }, now);
  for (const each of data.items as Item[]) {
    expect(each).toMatchObject({ updated_at: now.getTime(), plan: { slug: "pro" } });
  }
});

test("--user sets the payer", async () => {
  for (const type of ["paymentAttempt.updated", "subscriptionItem.ended", "subscription.created"]) {
    const { data } = await buildEvent(type, { user: "user_payer" });
    expect((data as Payment).payer.user_id, type).toBe("user_payer");
  }
});

test("every payment send is a new payment, unless --payment names one", async () => {
  const first = (await buildEvent("paymentAttempt.created")).data as Payment;
  const second = (await buildEvent("paymentAttempt.created")).data as Payment;
  expect(second.payment_id).not.toBe(first.payment_id);
  expect(second.id).not.toBe(first.id);
  const again = await buildEvent("paymentAttempt.updated", { payment: "cpa_test1" });
  expect((again.data as Payment).payment_id).toBe("cpa_test1");
});

test("a flag given to an event it does not apply to is an error", async () => {
  await expect(buildEvent("user.created", { plan: "pro" })).rejects.toThrow(
    "--plan does not apply to user.created.",
  );
  await expect(buildEvent("subscriptionItem.active", { payment: "cpa_1" })).rejects.toThrow(
    "--payment does not apply to subscriptionItem.active.",
  );
  await expect(buildEvent("paymentAttempt.updated", { plan: "" })).rejects.toThrow(
    "--plan needs a value.",
  );
});
