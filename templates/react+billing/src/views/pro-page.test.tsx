import { screen, within } from "@testing-library/react";
import { Authenticated } from "convex/react";
import { describe, expect, test, vi } from "vitest";
import { ErrorBoundary } from "../components/error-boundary";
import { ProContent } from "../components/pro/pro-content";
import { endPlan, startPlan } from "../../convex/model/billingProvider.testing";
import { PRO_PLAN } from "../../convex/plans";
import { addUser, newBackend, renderPage } from "../testing/harness";
import { ProPage } from "./pro-page";

const ADA = { userId: "user_ada", name: "Ada Lovelace" };
const adaAsOwner = { kind: "user", id: ADA.userId } as const;

describe("the Pro page", () => {
  test("shows a placeholder under its title while Clerk loads", async () => {
    renderPage(<ProPage />, { session: ADA, loading: true });
    expect(screen.getByRole("heading", { level: 1, name: "Pro" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Loading…");
  });

  test("without the plan: offers the upgrade", async () => {
    const backend = newBackend();
    await addUser(backend, ADA);
    renderPage(<ProPage />, { session: ADA, backend });
    expect(await screen.findByRole("heading", { level: 1, name: "Upgrade to Pro" })).toBeTruthy();
    expect(screen.queryByText(/Activating your plan/)).toBeNull();
  });

  test("on the plan: shows the content Convex serves only to Pro owners", async () => {
    const backend = newBackend();
    await addUser(backend, ADA);
    await backend.run((ctx) => startPlan(ctx, adaAsOwner, PRO_PLAN));
    renderPage(<ProPage />, { session: ADA, backend });
    expect(await screen.findByRole("heading", { level: 2, name: "You are on Pro" })).toBeTruthy();
  });

  test("the plan ends while the page is open: the upgrade shows, live", async () => {
    const backend = newBackend();
    await addUser(backend, ADA);
    await backend.run((ctx) => startPlan(ctx, adaAsOwner, PRO_PLAN));
    const { client } = renderPage(<ProPage />, { session: ADA, backend });
    expect(await screen.findByRole("heading", { level: 2, name: "You are on Pro" })).toBeTruthy();
    await backend.run((ctx) => endPlan(ctx, adaAsOwner, PRO_PLAN));
    await client.refresh();
    expect(await screen.findByRole("heading", { level: 1, name: "Upgrade to Pro" })).toBeTruthy();
  });

  test("Convex does not accept Clerk's session: says what to configure", async () => {
    renderPage(<ProPage />, { session: ADA, convexRejects: true });
    expect(await screen.findByText(/CLERK_JWT_ISSUER_DOMAIN/)).toBeTruthy();
  });

  test("Pro content asked for without the plan: the reason, and Try again once the plan arrives", async () => {
    // React reports the error its boundary caught.
    vi.spyOn(console, "error").mockImplementation(() => {});
    const backend = newBackend();
    await addUser(backend, ADA);
    // ProContent where a page skipped the plan check: Convex refuses, and the boundary says why.
    const { user } = renderPage(
      <ErrorBoundary>
        <Authenticated>
          <ProContent />
        </Authenticated>
      </ErrorBoundary>,
      { session: ADA, backend },
    );
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/^Your plan does not include this/);
    await backend.run((ctx) => startPlan(ctx, adaAsOwner, PRO_PLAN));
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { level: 2, name: "You are on Pro" })).toBeTruthy();
  });

  // @slot tests
});
