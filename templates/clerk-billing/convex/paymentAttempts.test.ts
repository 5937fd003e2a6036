import { describe, expect, test } from "vitest";
import paymentAttemptCreated from "../webhooks/samples/paymentAttempt.created.json";
import paymentAttemptUpdated from "../webhooks/samples/paymentAttempt.updated.json";
import userDeleted from "../webhooks/samples/user.deleted.json";
import userUpdated from "../webhooks/samples/user.updated.json";
import { api } from "./_generated/api";
import { CLERK_WEBHOOK_PATH } from "./clerkWebhook";
import { savePaymentAttempt } from "./model/paymentAttempts";
import { type ClerkPaymentAttemptJSON, transformWebhookData } from "./model/paymentAttemptTypes";
import { newTest, signedWebhook, useWebhookTestEnv } from "./test.setup";

// The Clerk user who pays in Clerk's examples.
const PAYER = "user_2g7np7Hrk0SN6kj5EDMLDaKNL0S";

type PaymentAttemptEvent = typeof paymentAttemptUpdated;
type PaymentAttemptEventData = PaymentAttemptEvent["data"];

/** Clerk's paymentAttempt.updated example with some `data` fields replaced. */
function paymentEvent(
  data: Partial<Record<keyof PaymentAttemptEventData, unknown>> = {},
  type = "paymentAttempt.updated",
) {
  return {
    ...paymentAttemptUpdated,
    type,
    data: { ...paymentAttemptUpdated.data, ...data },
  };
}

/** An organization pays: Clerk omits the user fields and sends the organization's instead. */
function organizationPayer() {
  const { id, email, image_url } = paymentAttemptUpdated.data.payer;
  return {
    id,
    email,
    image_url,
    organization_id: "org_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
    organization_name: "Acme Corp",
  };
}

/** Every string value in Clerk's example payer that is personal data: none may be stored. */
const personalValues = ["John", "Doe", "john.doe@acme.com", "https://img.clerk.com/xxxxxx"];

function setup() {
  const t = newTest();
  const post = (event: unknown) => t.fetch(CLERK_WEBHOOK_PATH, signedWebhook(event));
  const payments = () => t.run((ctx) => ctx.db.query("paymentAttempts").collect());
  const log = () => t.run((ctx) => ctx.db.query("webhookEvents").collect());
  const listFor = (subject: string, numItems = 10, cursor: string | null = null) =>
    t.withIdentity({ subject }).query(api.paymentAttempts.list, {
      paginationOpts: { numItems, cursor },
    });
  return { t, post, payments, log, listFor };
}

useWebhookTestEnv();

describe("transformWebhookData", () => {
  test("keeps what a payment history needs; nulls become absent fields", () => {
    const stored = transformWebhookData(paymentAttemptCreated.data as ClerkPaymentAttemptJSON);
    expect(stored).toMatchObject({
      payment_id: "cpa_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
      attempt_id: "pa_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
      status: "pending",
      created_at: 1716883200000,
      totals: { grand_total: { amount: 2200, amount_formatted: "$22.00" } },
      payment_source: {
        payment_method: "card",
        card_type: "visa",
        last4: "4242",
      },
      subscription_items: [{ plan: { name: "Pro Plan", slug: "pro-plan" } }],
    });
    expect(stored.paid_at).toBeUndefined();
    expect(stored.failed_at).toBeUndefined();
    expect(stored.failed_reason).toBeUndefined();
  });

  test("drops subscription items whose plan is null", () => {
    const [item] = paymentAttemptUpdated.data.subscription_items;
    const data = {
      ...paymentAttemptUpdated.data,
      subscription_items: [item, { ...item, id: "csub_item_no_plan", plan: null, plan_id: null }],
    };
    const stored = transformWebhookData(data as ClerkPaymentAttemptJSON);
    expect(stored.subscription_items.map((i) => i.id)).toEqual([item.id]);
  });
});

describe("paymentAttempt webhooks", () => {
  test("stores Clerk's paymentAttempt.updated example: ids, amounts and status, no personal data", async () => {
    const { post, payments } = setup();
    const res = await post(paymentAttemptUpdated);
    expect(res.status).toBe(200);
    const [payment, ...rest] = await payments();
    expect(rest).toEqual([]);
    expect(payment).toMatchObject({
      payment_id: "cpa_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
      status: "paid",
      created_at: 1716883200000,
      paid_at: 1716883500000,
      payer: { id: "cpayer_2g7np7Hrk0SN6kj5EDMLDaKNL0S", user_id: PAYER },
      totals: { grand_total: { amount_formatted: "$22.00" } },
      payment_source: {
        payment_method: "card",
        card_type: "visa",
        last4: "4242",
      },
      subscription_items: [{ status: "active", plan: { name: "Pro Plan", slug: "pro-plan" } }],
    });
    expect(payment).not.toHaveProperty("failed_at");
    expect(Object.keys(payment.payer).sort()).toEqual(["id", "user_id"]);
    for (const value of personalValues) expect(JSON.stringify(payment)).not.toContain(value);
  });

  test("stores a payment by an organization as the organization's, with ids only", async () => {
    const { post, payments, listFor } = setup();
    const res = await post(paymentEvent({ payer: organizationPayer() }));
    expect(res.status).toBe(200);
    const [payment] = await payments();
    expect(payment.payer).toEqual({
      id: "cpayer_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
      organization_id: "org_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
    });
    expect((await listFor(PAYER)).page).toEqual([]);
  });

  test("stores a Link payment, whose card_type and last4 are null", async () => {
    const { post, payments } = setup();
    const payment_source = {
      ...paymentAttemptUpdated.data.payment_source,
      payment_method: "link",
      card_type: null,
      last4: null,
    };
    expect((await post(paymentEvent({ payment_source }))).status).toBe(200);
    const [payment] = await payments();
    expect(payment.payment_source).toEqual({ payment_method: "link" });
  });

  test("stores a failed attempt with its reason", async () => {
    const { post, payments } = setup();
    const failed = paymentEvent({
      status: "failed",
      paid_at: null,
      failed_at: 1716883500000,
      failed_reason: {
        code: "card_declined",
        decline_code: "insufficient_funds",
      },
    });
    expect((await post(failed)).status).toBe(200);
    expect(await payments()).toMatchObject([
      {
        status: "failed",
        failed_at: 1716883500000,
        failed_reason: {
          code: "card_declined",
          decline_code: "insufficient_funds",
        },
      },
    ]);
  });

  test("created then updated (and redelivered) is one payment, at its latest state", async () => {
    const { post, payments } = setup();
    await post(paymentAttemptCreated);
    expect(await payments()).toMatchObject([{ status: "pending" }]);
    await post(paymentAttemptUpdated);
    await post(paymentAttemptUpdated);
    const all = await payments();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: "paid", paid_at: 1716883500000 });
  });

  test("a late, older event does not overwrite a newer one", async () => {
    const { post, payments } = setup();
    await post(paymentAttemptUpdated);
    await post(paymentAttemptCreated); // delivered out of order
    expect(await payments()).toMatchObject([{ status: "paid" }]);
  });

  test("an equal updated_at never downgrades: paid stays paid whatever the delivery order", async () => {
    const { post, payments } = setup();
    const at = paymentAttemptUpdated.data.updated_at;
    const pending = paymentEvent(
      { status: "pending", paid_at: null, updated_at: at },
      "paymentAttempt.created",
    );
    await post(paymentAttemptUpdated);
    await post(pending);
    expect(await payments()).toMatchObject([{ status: "paid" }]);

    const other = setup();
    await other.post(pending);
    await other.post(paymentAttemptUpdated);
    expect(await other.payments()).toMatchObject([{ status: "paid" }]);
  });

  test("a payment that arrives before its user is listed for that user", async () => {
    const { post, listFor } = setup();
    await post(paymentAttemptUpdated);
    expect((await listFor(PAYER)).page).toHaveLength(1);
    await post({ ...userUpdated, type: "user.created" });
    expect((await listFor(PAYER)).page).toHaveLength(1);
  });
});

describe("user.deleted deletes the payer's payments", () => {
  test("in the same delivery, leaving other payers' payments", async () => {
    const { t, post, payments, log } = setup();
    await post(userUpdated);
    await post(paymentAttemptUpdated);
    const base = transformWebhookData(paymentAttemptUpdated.data as ClerkPaymentAttemptJSON);
    await t.run((ctx) =>
      savePaymentAttempt(ctx, {
        ...base,
        payment_id: "cpa_other",
        payer: { id: "cpayer_other", user_id: "user_other" },
      }),
    );
    expect((await post(userDeleted)).status).toBe(200);
    expect((await payments()).map((p) => p.payment_id)).toEqual(["cpa_other"]);
    expect((await log()).map((entry) => entry.outcome)).toEqual([
      "processed",
      "processed",
      "processed",
    ]);
  });

  test("a payment delivered after the user was deleted is ignored", async () => {
    const { post, payments, log } = setup();
    await post(userDeleted);
    await post(paymentAttemptUpdated);
    expect(await payments()).toEqual([]);
    expect((await log()).at(-1)).toMatchObject({
      outcome: "ignored",
      detail: "the payer was deleted",
    });
  });
});

describe("api.paymentAttempts.list", () => {
  test("returns what a payment history shows, without Stripe ids or the payer's details", async () => {
    const { post, listFor } = setup();
    await post(paymentAttemptUpdated);
    const { page } = await listFor(PAYER);
    expect(page).toEqual([
      {
        _id: expect.any(String),
        status: "paid",
        created_at: 1716883200000,
        paid_at: 1716883500000,
        plans: ["Pro Plan"],
        payment_method: "card",
        card_type: "visa",
        last4: "4242",
        amount_formatted: "$22.00",
      },
    ]);
  });

  test("signed out: an empty, finished page", async () => {
    const { t, post } = setup();
    await post(paymentAttemptUpdated);
    const result = await t.query(api.paymentAttempts.list, {
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(result).toMatchObject({ page: [], isDone: true });
  });

  test("pages through the signed-in user's payments, newest first, and only theirs", async () => {
    const { t, listFor } = setup();
    const base = transformWebhookData(paymentAttemptUpdated.data as ClerkPaymentAttemptJSON);
    // Saved out of chronological order: the listing orders by Clerk's created_at.
    const createdAts = [3, 1, 5, 2, 4].map((day) => Date.UTC(2025, 0, day));
    for (const [i, created_at] of createdAts.entries()) {
      await t.run((ctx) =>
        savePaymentAttempt(ctx, {
          ...base,
          payment_id: `cpa_${i}`,
          created_at,
          updated_at: created_at,
        }),
      );
    }
    await t.run((ctx) =>
      savePaymentAttempt(ctx, {
        ...base,
        payment_id: "cpa_other",
        payer: { ...base.payer, user_id: "user_other" },
      }),
    );
    await t.run((ctx) =>
      savePaymentAttempt(ctx, {
        ...base,
        payment_id: "cpa_team",
        payer: { id: "cpayer_team", organization_id: "org_team" },
      }),
    );

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    for (;;) {
      const result: Awaited<ReturnType<typeof listFor>> = await listFor(PAYER, 2, cursor);
      seen.push(...result.page.map((p) => p.created_at));
      pages++;
      if (result.isDone) break;
      cursor = result.continueCursor;
    }
    expect(seen).toEqual([...createdAts].sort((a, b) => b - a));
    expect(pages).toBeGreaterThanOrEqual(3);
  });
});
