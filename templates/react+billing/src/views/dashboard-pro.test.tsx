import { screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { startPlan } from "../../convex/model/billingProvider.testing";
import { FREE_PROJECT_LIMIT } from "../../convex/model/limits";
import { PRO_PLAN } from "../../convex/plans";
import { addProjects, addUser, newBackend, renderPage } from "../testing/harness";
import { DashboardPage } from "./dashboard-page";

const ADA = { userId: "user_ada", name: "Ada Lovelace" };
const names = Array.from({ length: FREE_PROJECT_LIMIT }, (_, i) => `Project ${i + 1}`);

const projects = () => screen.findByRole("region", { name: "Projects" });

describe("the dashboard, with plans", () => {
  test("at the free limit, the projects panel links to the Pro page", async () => {
    const backend = newBackend();
    await addUser(backend, ADA);
    await addProjects(backend, ADA.userId, names);
    renderPage(<DashboardPage />, { session: ADA, backend });
    const upgrade = await within(await projects()).findByRole("link", {
      name: "Upgrade to Pro for more",
    });
    expect(upgrade.getAttribute("href")).toBe("/dashboard/pro");
  });

  test("on Pro: no limit, the count alone, and Create stays enabled past the free limit", async () => {
    const backend = newBackend();
    await addUser(backend, ADA);
    await addProjects(backend, ADA.userId, names);
    await backend.run((ctx) => startPlan(ctx, { kind: "user", id: ADA.userId }, PRO_PLAN));
    const { user } = renderPage(<DashboardPage />, {
      session: { ...ADA, plans: [`u:${PRO_PLAN}`] },
      backend,
    });
    expect(
      await within(await projects()).findByText(`${FREE_PROJECT_LIMIT} projects`),
    ).toBeTruthy();
    await user.type(within(await projects()).getByLabelText("Project name"), "One more");
    await user.click(within(await projects()).getByRole("button", { name: "Create" }));
    expect(
      await within(await projects()).findByText(`${FREE_PROJECT_LIMIT + 1} projects`),
    ).toBeTruthy();
  });
});
