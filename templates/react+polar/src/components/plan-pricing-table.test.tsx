import { render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { startPlan } from "../../convex/model/billingProvider.testing";
import { FREE_PROJECT_LIMIT } from "../../convex/model/limits";
import { checkoutUrl, customerPortalUrl, fakePolarApi } from "../../convex/model/polarApi.testing";
import { PRO_PLAN } from "../../convex/plans";
import { FakeClerkProvider, type Session } from "../testing/fake-clerk";
import { addUser, newBackend, renderPage } from "../testing/harness";
import { LandingPage } from "../views/landing-page";
import { PlanPricingTable } from "./plan-pricing-table";

const ADA = { userId: "user_ada", name: "Ada Lovelace" };

/** The landing page as the site serves it: Clerk, and no Convex client. */
function renderLanding(session: Session | null) {
  render(
    <FakeClerkProvider session={session} loading={false}>
      <main>
        <LandingPage />
      </main>
    </FakeClerkProvider>,
  );
  return within(document.getElementById("pricing")!);
}

const card = (name: string) =>
  screen.getByRole("heading", { level: 3, name }).closest("li") as HTMLElement;

let assign: ReturnType<typeof vi.fn<(url: string | URL) => void>>;
beforeEach(() => {
  // Leaving for Polar's page: recorded, not followed.
  assign = vi.fn<(url: string | URL) => void>();
  vi.spyOn(window.location, "assign").mockImplementation(assign);
});
afterEach(() => vi.unstubAllGlobals());

describe("the plans on the landing page, which has no Convex client", () => {
  test("signed out: Free and Pro lead to sign-up, and the free limit is the server's", () => {
    const pricing = renderLanding(null);
    expect(pricing.getByRole("button", { name: "Start free" })).toBeTruthy();
    expect(pricing.getByRole("button", { name: "Get Pro" })).toBeTruthy();
    expect(within(card("Free")).getByText(`Up to ${FREE_PROJECT_LIMIT} projects`)).toBeTruthy();
    expect(within(card("Pro")).getByText("Unlimited projects")).toBeTruthy();
  });

  test("signed in: Pro links to the Pro page, Free to the dashboard", () => {
    const pricing = renderLanding(ADA);
    expect(pricing.getByRole("link", { name: "Get Pro" }).getAttribute("href")).toBe(
      "/dashboard/pro",
    );
    expect(pricing.getByRole("link", { name: "Open dashboard" }).getAttribute("href")).toBe(
      "/dashboard",
    );
  });
});

describe("the plans on a signed-in page", () => {
  test("Upgrade to Pro opens a Polar checkout that returns to the Pro page, and leaves for it", async () => {
    const polar = fakePolarApi();
    const backend = newBackend();
    await addUser(backend, ADA);
    const { user } = renderPage(<PlanPricingTable />, { session: ADA, backend });
    expect(await within(card("Free")).findByText("Current plan")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Upgrade to Pro" }));
    await expect.poll(() => assign.mock.calls).toEqual([[checkoutUrl]]);
    expect(polar.requests).toMatchObject([
      {
        path: "/v1/checkouts/",
        body: {
          external_customer_id: ADA.userId,
          success_url: `${window.location.origin}/dashboard/pro?checkout_id={CHECKOUT_ID}`,
        },
      },
    ]);
    // Busy until the browser has left.
    const busy = screen.getByRole("button", { name: "Opening checkout…" }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
  });

  test("Polar unavailable: says so under the button, which works again", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {}); // the action's log line
    const polar = fakePolarApi();
    polar.failWith(500);
    const backend = newBackend();
    await addUser(backend, ADA);
    const { user } = renderPage(<PlanPricingTable />, { session: ADA, backend });
    await user.click(await screen.findByRole("button", { name: "Upgrade to Pro" }));
    const alert = await within(card("Pro")).findByRole("alert");
    expect(alert.textContent).toMatch(/^Billing is not available right now/);
    expect(assign).not.toHaveBeenCalled();
    expect(
      (screen.getByRole("button", { name: "Upgrade to Pro" }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });

  test("on Pro: Manage subscription opens Polar's customer portal, and comes back here", async () => {
    const polar = fakePolarApi();
    const backend = newBackend();
    await addUser(backend, ADA);
    await backend.run((ctx) => startPlan(ctx, { kind: "user", id: ADA.userId }, PRO_PLAN));
    polar.customers.add(`cus_${ADA.userId}`); // the customer startPlan linked
    const { user } = renderPage(<PlanPricingTable />, { session: ADA, backend });
    await user.click(await screen.findByRole("button", { name: "Manage subscription" }));
    await expect.poll(() => assign.mock.calls).toEqual([[customerPortalUrl]]);
    expect(polar.requests).toMatchObject([
      { path: "/v1/customer-sessions/", body: { return_url: window.location.href } },
    ]);
    expect(within(card("Pro")).getByText("Current plan")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Upgrade to Pro" })).toBeNull();
  });
});
