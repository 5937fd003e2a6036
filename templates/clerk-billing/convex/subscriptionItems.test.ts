import { describe, expect, test } from "vitest";
import subscriptionCreated from "../webhooks/samples/subscription.created.json";
import subscriptionItemActive from "../webhooks/samples/subscriptionItem.active.json";
import subscriptionItemCanceled from "../webhooks/samples/subscriptionItem.canceled.json";
import subscriptionItemEnded from "../webhooks/samples/subscriptionItem.ended.json";
import subscriptionItemPastDue from "../webhooks/samples/subscriptionItem.pastDue.json";
import userDeleted from "../webhooks/samples/user.deleted.json";
import { api } from "./_generated/api";
import { CLERK_WEBHOOK_PATH } from "./clerkWebhook";
import { hasPlan } from "./model/entitlements";
import { GRANTING_STATUSES } from "./model/subscriptionItems";
import { newTest, signedWebhook, useWebhookTestEnv } from "./test.setup";

// The Clerk user who pays in Clerk's subscription examples.
const PAYER = subscriptionItemActive.data.payer.user_id;
const ORG = "org_2g7np7Hrk0SN6kj5EDMLDaKNL0S";

type ItemData = typeof subscriptionItemCanceled.data;

/**
 * A subscriptionItem.* event built from Clerk's subscriptionItem.canceled example (a Pro Plan item), with
 * its `data` fields replaced. The event name follows the status, as Clerk's do (past_due → pastDue).
 */
function itemEvent(data: Partial<Record<keyof ItemData, unknown>> = {}) {
  const status = (data.status as string | undefined) ?? "active";
  const name = status.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  return {
    ...subscriptionItemCanceled,
    type: `subscriptionItem.${name}`,
    data: { ...subscriptionItemCanceled.data, status, ...data },
  };
}

function organizationPayer() {
  return {
    ...subscriptionItemCanceled.data.payer,
    user_id: "",
    first_name: "",
    last_name: "",
    organization_id: ORG,
    organization_name: "Acme Corp",
  };
}

function setup() {
  const t = newTest();
  const post = async (event: unknown) => {
    const res = await t.fetch(CLERK_WEBHOOK_PATH, signedWebhook(event));
    expect(res.status).toBe(200);
  };
  const asPayer = t.withIdentity({ subject: PAYER });
  const hasPlanAsPayer = (slug: string) => asPayer.run((ctx) => hasPlan(ctx, slug));
  const items = () => t.run((ctx) => ctx.db.query("subscriptionItems").collect());
  return { t, post, asPayer, hasPlanAsPayer, items };
}

useWebhookTestEnv();

describe("which statuses grant the plan (hasPlan)", () => {
  const cases: [status: string, grants: boolean][] = [
    ["active", true],
    ["past_due", true],
    ["canceled", true],
    ["upcoming", false],
    ["incomplete", false],
    ["ended", false],
    ["abandoned", false],
    ["expired", false],
    ["some_future_status", false],
  ];

  test.each(cases)("%s → %s", async (status, grants) => {
    const { post, hasPlanAsPayer } = setup();
    await post(itemEvent({ status }));
    expect(await hasPlanAsPayer("pro-plan")).toBe(grants);
    expect(await hasPlanAsPayer("another-plan")).toBe(false);
  });

  test("the table above covers every granting status", () => {
    const granting = cases.filter(([, grants]) => grants).map(([s]) => s);
    expect(granting).toEqual([...GRANTING_STATUSES]);
  });

  test("a free trial (active, is_free_trial) grants the plan; freeTrialEnding keeps it", async () => {
    const { post, hasPlanAsPayer } = setup();
    await post(itemEvent({ is_free_trial: true }));
    expect(await hasPlanAsPayer("pro-plan")).toBe(true);
    await post({
      ...itemEvent({ is_free_trial: true, updated_at: 1716969600001 }),
      type: "subscriptionItem.freeTrialEnding",
    });
    expect(await hasPlanAsPayer("pro-plan")).toBe(true);
  });

  test("signed out: no plan", async () => {
    const { t, post } = setup();
    await post(itemEvent());
    expect(await t.run((ctx) => hasPlan(ctx, "pro-plan"))).toBe(false);
  });

  test("an item whose plan was deleted (plan: null) grants nothing and is still stored", async () => {
    const { post, hasPlanAsPayer, items } = setup();
    await post(itemEvent({ plan: null, plan_id: null }));
    expect(await hasPlanAsPayer("pro-plan")).toBe(false);
    expect(await items()).toHaveLength(1);
  });
});

describe("organization payers", () => {
  test("an organization's item grants nothing to a user, even one named in the payer", async () => {
    const { post, hasPlanAsPayer, items } = setup();
    await post(itemEvent({ payer: { ...organizationPayer(), user_id: PAYER } }));
    expect(await hasPlanAsPayer("pro-plan")).toBe(false);
    const [item] = await items();
    expect(item.payer).toEqual({
      id: subscriptionItemCanceled.data.payer.id,
      organization_id: ORG,
    });
  });

  test('a user payer\'s organization_id "" is stored as absent', async () => {
    const { post, items } = setup();
    await post(subscriptionItemActive);
    const [item] = await items();
    expect(item.payer).toEqual({
      id: subscriptionItemActive.data.payer.id,
      user_id: PAYER,
    });
  });
});

describe("Clerk's examples", () => {
  test("subscriptionItem.active (free plan, period_end null) is stored without personal data", async () => {
    const { post, items, hasPlanAsPayer } = setup();
    await post(subscriptionItemActive);
    const [item] = await items();
    expect(item).toMatchObject({
      item_id: "csub_item_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
      subscription_id: "csub_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
      status: "active",
      is_free_trial: false,
      interval: "month",
      period_start: 1716883200000,
      updated_at: 1716883200000,
      plan: { slug: "free-plan", name: "Free Plan" },
    });
    expect(item).not.toHaveProperty("period_end");
    expect(JSON.stringify(item)).not.toContain("test@example.com");
    expect(await hasPlanAsPayer("free-plan")).toBe(true);
  });

  test("subscription.created stores each of its items, with the subscription's payer", async () => {
    const { post, items, hasPlanAsPayer } = setup();
    await post(subscriptionCreated);
    expect(await items()).toMatchObject([
      {
        item_id: "csub_item_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
        subscription_id: "csub_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
        period_end: 1719561600000,
        plan: { slug: "pro-plan" },
        payer: { user_id: PAYER },
      },
    ]);
    expect(await hasPlanAsPayer("pro-plan")).toBe(true);
  });

  test("active → pastDue → canceled → ended, as Clerk sends them", async () => {
    const { post, hasPlanAsPayer, items } = setup();
    await post(subscriptionCreated);
    await post(subscriptionItemPastDue);
    expect(await hasPlanAsPayer("pro-plan")).toBe(true);
    await post(itemEvent({ status: "canceled", updated_at: 1716969600001 }));
    expect(await hasPlanAsPayer("pro-plan")).toBe(true);
    await post(subscriptionItemEnded);
    expect(await hasPlanAsPayer("pro-plan")).toBe(false);
    expect(await items()).toMatchObject([{ status: "ended" }]);
  });
});

describe("disorder and redelivery", () => {
  test("an older event delivered after a newer one changes nothing", async () => {
    const { post, items, hasPlanAsPayer } = setup();
    await post(subscriptionItemEnded);
    await post(subscriptionCreated); // older: the item was active then
    await post(subscriptionItemCanceled);
    expect(await items()).toMatchObject([{ status: "ended" }]);
    expect(await hasPlanAsPayer("pro-plan")).toBe(false);
  });

  test("with equal updated_at, the later lifecycle stage wins in either order", async () => {
    const at = 1716969600000;
    for (const order of [
      ["active", "ended"],
      ["ended", "active"],
    ]) {
      const { post, items } = setup();
      for (const status of order) await post(itemEvent({ status, updated_at: at }));
      expect(await items()).toMatchObject([{ status: "ended" }]);
    }
  });

  test("with equal updated_at and the same stage, the stored version stays", async () => {
    const at = 1716969600000;
    const { post, items } = setup();
    await post(itemEvent({ status: "past_due", updated_at: at }));
    await post(itemEvent({ status: "active", updated_at: at }));
    expect(await items()).toMatchObject([{ status: "past_due" }]);
  });

  test("a redelivery is applied once", async () => {
    const { t, items } = setup();
    const delivery = signedWebhook(subscriptionItemCanceled, { id: "msg_sub" });
    await t.fetch(CLERK_WEBHOOK_PATH, delivery);
    await t.fetch(CLERK_WEBHOOK_PATH, delivery);
    expect(await items()).toHaveLength(1);
    const log = await t.run((ctx) => ctx.db.query("webhookEvents").collect());
    expect(log).toMatchObject([{ svixId: "msg_sub", outcome: "processed", attempts: 2 }]);
  });

  test("user.deleted deletes the user's subscription items; a late item event for the user is ignored", async () => {
    const { post, items } = setup();
    await post(subscriptionCreated);
    await post({
      ...userDeleted,
      data: { ...userDeleted.data, id: PAYER },
    });
    expect(await items()).toEqual([]);
    await post(subscriptionItemActive);
    expect(await items()).toEqual([]);
  });
});

describe("api.subscriptions.current lists Clerk's current items", () => {
  test("null when signed out", async () => {
    const { t } = setup();
    expect(await t.query(api.subscriptions.current, {})).toBeNull();
  });

  test("the caller's plans and current items only, with the fields a UI needs", async () => {
    const { post, asPayer } = setup();
    await post(subscriptionItemActive); // free plan
    await post(itemEvent({ status: "upcoming", id: "csub_item_next" }));
    await post(itemEvent({ status: "ended", id: "csub_item_old" }));
    await post(
      itemEvent({
        id: "csub_item_other_user",
        payer: { ...subscriptionItemCanceled.data.payer, user_id: "user_other" },
      }),
    );
    expect(await asPayer.query(api.subscriptions.current, {})).toEqual({
      activePlans: ["free-plan"],
      items: [
        {
          plan: { slug: "free-plan", name: "Free Plan" },
          status: "active",
          is_free_trial: false,
        },
        {
          plan: { slug: "pro-plan", name: "Pro Plan" },
          status: "upcoming",
          is_free_trial: false,
          period_end: 1719561600000,
        },
      ],
    });
  });
});
