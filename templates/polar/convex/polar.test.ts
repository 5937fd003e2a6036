import { describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import { startPlan } from "./model/billingProvider.testing";
import { hasPlan } from "./model/entitlements";
import { checkoutUrl, customerPortalUrl, fakePolarApi } from "./model/polarApi.testing";
import { productIdsOf } from "./model/polarProducts";
import { polarSubscriptionEvent } from "./model/polarWebhook.testing";
import { PRO_PLAN } from "./plans";
import { newTest, useWebhookTestEnv } from "./test.setup";

// Selling through Polar (polar.ts) and syncing from it (model/syncPolarSubscriptions.ts), against a fake of Polar's API.
const USER = "user_polar_buyer";
const EMAIL = "buyer@example.com";
const successUrl = "https://app.example.com/dashboard/pro?checkout_id={CHECKOUT_ID}";
const returnUrl = "https://app.example.com/dashboard";
const user = { kind: "user", id: USER } as const;

useWebhookTestEnv({ fakeTimers: true });

function setup() {
  const t = newTest();
  const polar = fakePolarApi();
  const asUser = t.withIdentity({ subject: USER, email: EMAIL });
  return { t, polar, asUser };
}

describe("api.polar.checkout", () => {
  test("a signed-in user's checkout: the Pro products, for the customer with the user's Clerk id and email", async () => {
    const { polar, asUser } = setup();
    expect(await asUser.action(api.polar.checkout, { successUrl })).toEqual({ url: checkoutUrl });
    expect(polar.requests).toMatchObject([
      {
        method: "POST",
        path: "/v1/checkouts/",
        body: {
          products: ["prod_pro_monthly", "prod_pro_yearly"],
          external_customer_id: USER,
          customer_email: EMAIL,
          // Links the subscription when Polar matches an existing customer by email instead.
          metadata: { ownerId: USER },
          success_url: successUrl,
        },
      },
    ]);
    expect(productIdsOf(PRO_PLAN)).toEqual(["prod_pro_monthly", "prod_pro_yearly"]);
  });

  test("signed out: NOT_SIGNED_IN, and Polar is not asked", async () => {
    const { t, polar } = setup();
    await expect(t.action(api.polar.checkout, { successUrl })).rejects.toMatchObject({
      data: { code: "NOT_SIGNED_IN" },
    });
    expect(polar.requests).toEqual([]);
  });

  test("without POLAR_ORGANIZATION_TOKEN or POLAR_PRO_PRODUCT_IDS: BILLING_UNAVAILABLE, and the logs say what to set", async () => {
    for (const variable of ["POLAR_ORGANIZATION_TOKEN", "POLAR_PRO_PRODUCT_IDS"]) {
      const { polar, asUser } = setup();
      vi.stubEnv(variable, "");
      await expect(
        asUser.action(api.polar.checkout, { successUrl }),
        variable,
      ).rejects.toMatchObject({
        data: { code: "BILLING_UNAVAILABLE" },
      });
      expect(console.error).toHaveBeenCalledWith(expect.stringContaining(`${variable} is not set`));
      expect(polar.requests).toEqual([]);
    }
  });

  test("Polar answering an error: BILLING_UNAVAILABLE, and the logs keep Polar's answer", async () => {
    const { polar, asUser } = setup();
    polar.failWith(500);
    await expect(asUser.action(api.polar.checkout, { successUrl })).rejects.toMatchObject({
      data: { code: "BILLING_UNAVAILABLE" },
    });
    expect(console.error).toHaveBeenCalledWith(
      "Polar refused to create a checkout:",
      expect.stringContaining("Polar is down"),
    );
    // A token Polar does not accept (revoked, or the production one on the sandbox): 401.
    vi.stubEnv("POLAR_ORGANIZATION_TOKEN", "polar_oat_revoked");
    await expect(asUser.action(api.polar.checkout, { successUrl })).rejects.toMatchObject({
      data: { code: "BILLING_UNAVAILABLE" },
    });
    expect(console.error).toHaveBeenCalledWith(
      "Polar refused to create a checkout:",
      expect.stringContaining("Status 401"),
    );
  });
});

describe("api.polar.portal", () => {
  test("for the customer a subscription linked to the owner", async () => {
    const { t, polar, asUser } = setup();
    await t.run((ctx) => startPlan(ctx, user, PRO_PLAN)); // links Polar customer cus_<owner id>
    polar.customers.add(`cus_${USER}`);
    expect(await asUser.action(api.polar.portal, { returnUrl })).toEqual({
      url: customerPortalUrl,
    });
    expect(polar.requests).toMatchObject([
      {
        method: "POST",
        path: "/v1/customer-sessions/",
        body: { customer_id: `cus_${USER}`, return_url: returnUrl },
      },
    ]);
  });

  test("before any subscription arrived: for the customer Polar knows by the owner's Clerk id", async () => {
    const { polar, asUser } = setup();
    polar.customers.add(USER);
    expect(await asUser.action(api.polar.portal, { returnUrl })).toEqual({
      url: customerPortalUrl,
    });
    expect(polar.requests).toMatchObject([{ body: { external_customer_id: USER } }]);
  });

  test("no Polar customer (Polar's 422 Customer does not exist.): NO_BILLING_ACCOUNT; Polar failing: BILLING_UNAVAILABLE", async () => {
    const { polar, asUser } = setup();
    await expect(asUser.action(api.polar.portal, { returnUrl })).rejects.toMatchObject({
      data: { code: "NO_BILLING_ACCOUNT" },
    });
    polar.failWith(503);
    await expect(asUser.action(api.polar.portal, { returnUrl })).rejects.toMatchObject({
      data: { code: "BILLING_UNAVAILABLE" },
    });
  });
});

describe("reconciliation with Polar's API", () => {
  const lost = polarSubscriptionEvent("subscription.updated", {
    id: "sub_lost",
    customer_id: "cus_lost",
    external_id: USER,
    product_id: "prod_pro_yearly",
    status: "active",
    modified_at: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    current_period_end: new Date(Date.UTC(2126, 0, 1)).toISOString(),
  }).data;

  test("a subscription whose webhook was lost grants Pro after the sync the session asks for", async () => {
    const { t, polar, asUser } = setup();
    polar.subscriptions.push(lost);
    expect(await asUser.mutation(api.clerkSync.requestSync, {})).toEqual({ scheduled: true });
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    const listed = polar.requests.find((request) => request.path === "/v1/subscriptions/");
    expect(listed?.query.get("external_customer_id")).toBe(USER);
    expect(await t.run((ctx) => hasPlan(ctx, PRO_PLAN, user))).toBe(true);
  });

  test("an owner Polar has nothing for stays without a plan", async () => {
    const { t, polar } = setup();
    polar.subscriptions.push({
      ...lost,
      customer: { ...lost.customer, external_id: "user_other" },
    });
    await t.action(internal.clerkSync.reconcile, { owner: user });
    expect(await t.run((ctx) => hasPlan(ctx, PRO_PLAN, user))).toBe(false);
  });
});

describe("deleting an owner's Polar customer (internal.polar.deleteCustomer)", () => {
  test("a customer Polar no longer has (404) is done already: nothing logged", async () => {
    const { t, polar } = setup();
    await t.action(internal.polar.deleteCustomer, { owner: user });
    expect(polar.requests).toMatchObject([{ method: "DELETE" }]);
    expect(console.error).not.toHaveBeenCalled();
  });
});
