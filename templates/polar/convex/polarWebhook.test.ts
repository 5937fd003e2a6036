import { describe, expect, test, vi } from "vitest";
import userDeleted from "../webhooks/samples/user.deleted.json";
import { api, components } from "./_generated/api";
import { CLERK_WEBHOOK_PATH } from "./clerkWebhook";
import { hasPlan } from "./model/entitlements";
import { fakePolarApi } from "./model/polarApi.testing";
import { grantsPlan, PAST_DUE_GRACE_MS, type StoredSubscription } from "./model/polarSubscriptions";
import {
  type PolarSubscriptionEventType,
  polarSubscriptionEvent,
  signedPolarWebhook,
  type SubscriptionFields,
} from "./model/polarWebhook.testing";
import { PRO_PLAN } from "./plans";
import { POLAR_WEBHOOK_PATH } from "./polarWebhook";
import { newTest, signedWebhook, useWebhookTestEnv } from "./test.setup";

const USER = "user_polar_buyer";
/** A product in POLAR_PRO_PRODUCT_IDS (vitest.config.ts). */
const PRO_PRODUCT = "prod_pro_monthly";
const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 2, 1);
const iso = (ms: number) => new Date(ms).toISOString();

/** The user's monthly Pro subscription, bought through polar.ts's checkout, as of START. */
const PRO_SUBSCRIPTION = {
  id: "sub_polar_1",
  customer_id: "cus_polar_1",
  external_id: USER,
  product_id: PRO_PRODUCT,
  status: "active",
  current_period_start: iso(START),
  current_period_end: iso(START + 30 * DAY),
} satisfies SubscriptionFields;

useWebhookTestEnv({ fakeTimers: true });

function setup() {
  vi.setSystemTime(START);
  const t = newTest();
  /** Polar's delivery of the subscription with `fields` changed, modified now (the newest version). */
  const deliver = (type: PolarSubscriptionEventType, fields: SubscriptionFields = {}) =>
    t.fetch(
      POLAR_WEBHOOK_PATH,
      signedPolarWebhook(
        polarSubscriptionEvent(type, {
          ...PRO_SUBSCRIPTION,
          modified_at: iso(Date.now()),
          ...fields,
        }),
      ),
    );
  const onPro = (id = USER) => t.run((ctx) => hasPlan(ctx, PRO_PLAN, { kind: "user", id }));
  const stored = (id = PRO_SUBSCRIPTION.id) =>
    t.run((ctx) => ctx.runQuery(components.polar.lib.getSubscription, { id }));
  return { t, deliver, onPro, stored };
}

describe("Polar's webhook (POST /polar/events)", () => {
  test("a signed subscription.created for a Pro product is accepted (202) and puts its owner on Pro", async () => {
    const { t, deliver, onPro } = setup();
    expect((await deliver("subscription.created")).status).toBe(202);
    expect(await t.withIdentity({ subject: USER }).query(api.subscriptions.current, {})).toEqual({
      activePlans: [PRO_PLAN],
      items: [
        {
          plan: { slug: PRO_PLAN, name: PRO_PLAN },
          status: "active",
          is_free_trial: false,
          period_end: START + 30 * DAY,
        },
      ],
    });
    expect(await onPro("user_someone_else")).toBe(false);
  });

  test("a delivery that fails verification is refused (403) and changes nothing", async () => {
    const { t, onPro, stored } = setup();
    const event = polarSubscriptionEvent("subscription.created", PRO_SUBSCRIPTION);
    const tampered = signedPolarWebhook(event);
    tampered.body = JSON.stringify({ ...event, data: { ...event.data, product_id: "prod_x" } });
    const refused = {
      "another endpoint's secret": signedPolarWebhook(event, { secret: "whsec_another-endpoint" }),
      "signed 10 minutes ago": signedPolarWebhook(event, { at: new Date(START - 10 * 60_000) }),
      "a body changed after signing": tampered,
      "no signature": { method: "POST", body: JSON.stringify(event) },
    };
    for (const [why, delivery] of Object.entries(refused)) {
      expect((await t.fetch(POLAR_WEBHOOK_PATH, delivery)).status, why).toBe(403);
    }
    expect(await stored()).toBeNull();
    expect(await onPro()).toBe(false);
  });

  test("a redelivery changes nothing: one subscription, one customer", async () => {
    const { t, onPro } = setup();
    const delivery = signedPolarWebhook(
      polarSubscriptionEvent("subscription.created", {
        ...PRO_SUBSCRIPTION,
        modified_at: iso(START),
      }),
    );
    for (let i = 0; i < 2; i++)
      expect((await t.fetch(POLAR_WEBHOOK_PATH, delivery)).status).toBe(202);
    const subscriptions = await t.run((ctx) =>
      ctx.runQuery(components.polar.lib.listCustomerSubscriptions, {
        customerId: PRO_SUBSCRIPTION.customer_id,
      }),
    );
    expect(subscriptions).toHaveLength(1);
    expect(
      await t.run((ctx) =>
        ctx.runQuery(components.polar.lib.getCustomerByUserId, { userId: USER }),
      ),
    ).toMatchObject({ id: PRO_SUBSCRIPTION.customer_id });
    expect(await onPro()).toBe(true);
  });

  test("an older version delivered after a newer one does not roll it back", async () => {
    const { deliver, onPro, stored } = setup();
    const ended = { status: "canceled", ended_at: iso(START), modified_at: iso(START + 2_000) };
    await deliver("subscription.revoked", ended);
    expect((await deliver("subscription.active", { modified_at: iso(START + 1_000) })).status).toBe(
      202,
    );
    expect(await stored()).toMatchObject({ status: "canceled", modifiedAt: ended.modified_at });
    expect(await onPro()).toBe(false);
  });
});

describe("a subscription's life, as Polar reports it", () => {
  const periodEnd = START + 30 * DAY;

  test("canceled at the period end: still Pro until ends_at, then revoked: not Pro", async () => {
    const { deliver, onPro } = setup();
    await deliver("subscription.created");
    vi.setSystemTime(START + DAY);
    // Polar keeps the status active until the period is over.
    const pending = {
      cancel_at_period_end: true,
      canceled_at: iso(Date.now()),
      ends_at: iso(periodEnd),
    };
    await deliver("subscription.updated", pending);
    await deliver("subscription.canceled", pending);
    expect(await onPro()).toBe(true);

    // The plan ends at ends_at even before Polar's webhook says so.
    vi.setSystemTime(periodEnd);
    expect(await onPro()).toBe(false);
    const revoked = { ...pending, status: "canceled", ended_at: iso(periodEnd) };
    await deliver("subscription.updated", revoked);
    expect((await deliver("subscription.revoked", revoked)).status).toBe(202);
    expect(await onPro()).toBe(false);
  });

  test("a cancellation withdrawn (uncanceled) keeps Pro past the old ends_at", async () => {
    const { deliver, onPro } = setup();
    await deliver("subscription.canceled", { cancel_at_period_end: true, ends_at: iso(periodEnd) });
    vi.setSystemTime(START + DAY);
    await deliver("subscription.uncanceled", { cancel_at_period_end: false, ends_at: null });
    vi.setSystemTime(periodEnd + DAY);
    expect(await onPro()).toBe(true);
  });

  test("revoked at once: updated, canceled, revoked, each with status canceled: not Pro", async () => {
    const { deliver, onPro } = setup();
    await deliver("subscription.created");
    vi.setSystemTime(START + DAY);
    const now = iso(Date.now());
    const revoked = { status: "canceled", canceled_at: now, ends_at: now, ended_at: now };
    for (const type of [
      "subscription.updated",
      "subscription.canceled",
      "subscription.revoked",
    ] as const) {
      await deliver(type, revoked);
    }
    expect(await onPro()).toBe(false);
  });

  test(`past_due: Pro for ${PAST_DUE_GRACE_MS / DAY} days from the unpaid period's start, then not until paid`, async () => {
    const { deliver, onPro } = setup();
    const renewal = {
      current_period_start: iso(periodEnd),
      current_period_end: iso(periodEnd + 30 * DAY),
    };
    vi.setSystemTime(periodEnd + 1_000);
    await deliver("subscription.past_due", { ...renewal, status: "past_due" });
    expect(await onPro()).toBe(true);
    vi.setSystemTime(periodEnd + PAST_DUE_GRACE_MS);
    expect(await onPro()).toBe(false);
    // Polar retried the charge and it went through.
    await deliver("subscription.active", renewal);
    expect(await onPro()).toBe(true);
  });

  test("a product that sells no plan (not in POLAR_PRO_PRODUCT_IDS) grants nothing", async () => {
    const { t, deliver, onPro } = setup();
    expect((await deliver("subscription.created", { product_id: "prod_donation" })).status).toBe(
      202,
    );
    expect(await onPro()).toBe(false);
    expect(await t.withIdentity({ subject: USER }).query(api.subscriptions.current, {})).toEqual({
      activePlans: [],
      items: [{ status: "active", is_free_trial: false, period_end: START + 30 * DAY }],
    });
  });

  test("every status through the webhook: only active, trialing and past_due in its grace give Pro", async () => {
    const { deliver, onPro } = setup();
    const expected: Record<string, boolean> = {
      active: true,
      trialing: true,
      past_due: true,
      canceled: false,
      unpaid: false,
      incomplete: false,
      incomplete_expired: false,
      paused: false,
    };
    for (const [i, status] of Object.keys(expected).entries()) {
      const owner = `user_${status}`;
      const fields = { id: `sub_${i}`, customer_id: `cus_${i}`, external_id: owner, status };
      expect((await deliver("subscription.updated", fields)).status).toBe(202);
      expect(await onPro(owner), status).toBe(expected[status]);
    }
  });
});

describe("which Polar customer is whose", () => {
  test("a customer without external_id is linked by the checkout's metadata.ownerId", async () => {
    const { deliver, onPro } = setup();
    await deliver("subscription.created", { external_id: null, metadata: { ownerId: USER } });
    expect(await onPro()).toBe(true);
  });

  test("a customer with neither is linked to no one, and the logs say so", async () => {
    const { t, deliver } = setup();
    expect(
      (await deliver("subscription.created", { external_id: null, metadata: {} })).status,
    ).toBe(202);
    expect(
      await t.run((ctx) =>
        ctx.runQuery(components.polar.lib.getCustomerByUserId, { userId: USER }),
      ),
    ).toBeNull();
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        `Polar subscription ${PRO_SUBSCRIPTION.id}: its customer was not created`,
      ),
    );
  });

  test("a user deleted in Clerk: their Polar customer is deleted and anonymized, and later events link no one", async () => {
    const { t, deliver, onPro } = setup();
    const polar = fakePolarApi();
    polar.customers.add(USER);
    const deleted = { ...userDeleted, data: { ...userDeleted.data, id: USER } };
    expect((await t.fetch(CLERK_WEBHOOK_PATH, signedWebhook(deleted))).status).toBe(200);
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    expect(polar.requests).toMatchObject([
      { method: "DELETE", path: `/v1/customers/external/${USER}` },
    ]);
    expect(polar.requests[0]!.query.get("anonymize")).toBe("true");
    expect(polar.customers.has(USER)).toBe(false);

    // A late delivery, from before Polar deleted the customer.
    expect((await deliver("subscription.updated")).status).toBe(202);
    expect(
      await t.run((ctx) =>
        ctx.runQuery(components.polar.lib.getCustomerByUserId, { userId: USER }),
      ),
    ).toBeNull();
    expect(await onPro()).toBe(false);
  });
});

describe("grantsPlan: whether a stored subscription gives its plan now, for every Polar status", () => {
  const now = START;
  const before = iso(now - 1);
  const after = iso(now + DAY);
  const base: StoredSubscription = {
    id: "sub_1",
    customerId: "cus_1",
    createdAt: iso(now - 40 * DAY),
    modifiedAt: iso(now - DAY),
    productId: PRO_PRODUCT,
    checkoutId: null,
    amount: 1000,
    currency: "usd",
    recurringInterval: "month",
    status: "active",
    currentPeriodStart: iso(now - DAY),
    currentPeriodEnd: iso(now + 29 * DAY),
    cancelAtPeriodEnd: false,
    startedAt: iso(now - 40 * DAY),
    endedAt: null,
    metadata: {},
  };
  const cases: [string, Partial<StoredSubscription>, boolean][] = [
    ["active", { status: "active" }, true],
    [
      "active, canceled at the period end, before ends_at",
      { cancelAtPeriodEnd: true, endsAt: after },
      true,
    ],
    [
      "active, canceled at the period end, at ends_at",
      { cancelAtPeriodEnd: true, endsAt: iso(now) },
      false,
    ],
    ["active with ended_at past", { endedAt: before }, false],
    ["trialing, before trial_end", { status: "trialing", trialEnd: after }, true],
    ["trialing, trial_end past", { status: "trialing", trialEnd: before }, false],
    ["trialing without trial_end", { status: "trialing", trialEnd: null }, true],
    [
      "past_due within the grace",
      { status: "past_due", currentPeriodStart: iso(now - PAST_DUE_GRACE_MS + 1) },
      true,
    ],
    [
      "past_due after the grace",
      { status: "past_due", currentPeriodStart: iso(now - PAST_DUE_GRACE_MS) },
      false,
    ],
    ["canceled", { status: "canceled", endedAt: before }, false],
    ["unpaid", { status: "unpaid" }, false],
    ["incomplete", { status: "incomplete" }, false],
    ["incomplete_expired", { status: "incomplete_expired" }, false],
    ["paused", { status: "paused" }, false],
    ["a status Polar adds later", { status: "frozen" }, false],
  ];
  for (const [name, fields, grants] of cases) {
    test(`${name}: ${grants ? "yes" : "no"}`, () => {
      expect(grantsPlan({ ...base, ...fields }, now)).toBe(grants);
    });
  }
});
