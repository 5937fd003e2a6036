import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { components } from "../../../convex/_generated/api";
import { customerPortalUrl, fakePolarApi } from "../../../convex/model/polarApi.testing";
import type { StoredSubscription } from "../../../convex/model/polarSubscriptions";
import { type Backend, addUser, newBackend, renderPage } from "../../testing/harness";
import { DashboardPage } from "../../views/dashboard-page";

const ADA = { userId: "user_ada", name: "Ada Lovelace" };
const DAY = 24 * 60 * 60 * 1000;
const periodEnd = new Date(Date.now() + 20 * DAY);
const shown = periodEnd.toLocaleDateString(undefined, {
  year: "numeric",
  month: "long",
  day: "numeric",
});

/** Ada's Pro subscription as Polar's webhook stores it, with `fields` set. */
async function subscribes(backend: Backend, fields: Partial<StoredSubscription> = {}) {
  const now = new Date().toISOString();
  const subscription: StoredSubscription = {
    id: "sub_ada",
    customerId: "cus_ada",
    createdAt: now,
    modifiedAt: now,
    amount: 1000,
    currency: "usd",
    recurringInterval: "month",
    status: "active",
    currentPeriodStart: now,
    currentPeriodEnd: periodEnd.toISOString(),
    cancelAtPeriodEnd: false,
    startedAt: now,
    endedAt: null,
    productId: "prod_pro_monthly",
    checkoutId: null,
    metadata: {},
    ...fields,
  };
  await backend.run(async (ctx) => {
    await ctx.runMutation(components.polar.lib.insertCustomer, {
      id: "cus_ada",
      userId: ADA.userId,
    });
    await ctx.runMutation(components.polar.lib.updateSubscription, { subscription });
  });
}

const panel = () => screen.findByRole("region", { name: "Billing" });

let assign: ReturnType<typeof vi.fn<(url: string | URL) => void>>;
beforeEach(() => {
  assign = vi.fn<(url: string | URL) => void>();
  vi.spyOn(window.location, "assign").mockImplementation(assign);
});
afterEach(() => vi.unstubAllGlobals());

describe("the billing panel", () => {
  test("free: says so, links to the upgrade, and has nothing to manage", async () => {
    const backend = newBackend();
    await addUser(backend, ADA);
    renderPage(<DashboardPage />, { session: ADA, backend });
    expect(await within(await panel()).findByText("You are on the Free plan.")).toBeTruthy();
    expect(
      within(await panel())
        .getByRole("link", { name: "Upgrade to Pro" })
        .getAttribute("href"),
    ).toBe("/dashboard/pro");
    expect(within(await panel()).queryByRole("button", { name: "Manage billing" })).toBeNull();
  });

  test("on Pro: the plan, active, when it renews, and Manage billing opens Polar's portal", async () => {
    const polar = fakePolarApi();
    polar.customers.add("cus_ada");
    const backend = newBackend();
    await addUser(backend, ADA);
    await subscribes(backend);
    const { user } = renderPage(<DashboardPage />, { session: ADA, backend });
    const billing = within(await panel());
    expect(await billing.findByText("Active")).toBeTruthy();
    expect(billing.getByText("Pro")).toBeTruthy();
    expect(billing.getByText(`Renews on ${shown}`)).toBeTruthy();
    expect(billing.queryByRole("link", { name: "Upgrade to Pro" })).toBeNull();
    await user.click(billing.getByRole("button", { name: "Manage billing" }));
    await expect.poll(() => assign.mock.calls).toEqual([[customerPortalUrl]]);
  });

  // Waits for the Polar adapter (convex/model/billingProvider.ts) to report a cancellation at the period end as Clerk's
  // does: status "canceled", period_end when it ends. It reports Polar's "active" today, which shows "Renews on".
  test("canceled at the period end: says when Pro ends, not that it renews", async () => {
    const backend = newBackend();
    await addUser(backend, ADA);
    await subscribes(backend, {
      cancelAtPeriodEnd: true,
      canceledAt: new Date().toISOString(),
      endsAt: periodEnd.toISOString(),
    });
    renderPage(<DashboardPage />, { session: ADA, backend });
    const billing = within(await panel());
    expect(await billing.findByText(`Ends on ${shown}`)).toBeTruthy();
    expect(billing.queryByText(/Renews on/)).toBeNull();
    expect(billing.getByRole("button", { name: "Manage billing" })).toBeTruthy();
  });

  test("past due: warns that the payment failed, with Manage billing to fix it", async () => {
    const backend = newBackend();
    await addUser(backend, ADA);
    await subscribes(backend, { status: "past_due" });
    renderPage(<DashboardPage />, { session: ADA, backend });
    const billing = within(await panel());
    expect(await billing.findByText("Payment failed")).toBeTruthy();
    expect(billing.getByText(/Polar is retrying it/)).toBeTruthy();
    expect(billing.getByRole("button", { name: "Manage billing" })).toBeTruthy();
  });

  test("no Polar customer behind the plan: says there is nothing to manage yet", async () => {
    fakePolarApi(); // knows no customer
    const backend = newBackend();
    await addUser(backend, ADA);
    await subscribes(backend);
    const { user } = renderPage(<DashboardPage />, { session: ADA, backend });
    const billing = within(await panel());
    await user.click(await billing.findByRole("button", { name: "Manage billing" }));
    expect((await billing.findByRole("alert")).textContent).toMatch(/^There is no billing account/);
    expect(assign).not.toHaveBeenCalled();
  });
});
