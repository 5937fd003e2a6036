import { screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { addProjects, addUser, newBackend, renderPage } from "../testing/harness";
import { addTeam } from "../testing/teams";
import { DashboardPage } from "./dashboard-page";

const ADA = { userId: "user_ada", name: "Ada Lovelace" };
const ACME = { id: "org_acme", name: "Acme" };

const projects = () => screen.findByRole("region", { name: "Projects" });

/** Ada in Acme with this role; Acme has one project and Ada one of her own. */
async function adaInAcme(role: string) {
  const backend = newBackend();
  await addUser(backend, ADA);
  await addTeam(backend, ACME, [{ ...ADA, role }]);
  await addProjects(backend, ACME.id, ["Acme roadmap"]);
  await addProjects(backend, ADA.userId, ["Ada's notes"]);
  const page = renderPage(<DashboardPage />, {
    session: { ...ADA, team: { ...ACME, role } },
    backend,
  });
  await within(await projects()).findByText("Acme roadmap");
  return page;
}

describe("the dashboard, with a team active", () => {
  test("lists the team's projects, not the user's own", async () => {
    await adaInAcme("org:admin");
    expect(within(await projects()).queryByText("Ada's notes")).toBeNull();
  });

  test("a member may not delete: Delete is disabled, and says why in words tied to it", async () => {
    await adaInAcme("org:member");
    const remove = within(await projects()).getByRole("button", { name: "Delete Acme roadmap" });
    expect(remove).toHaveProperty("disabled", true);
    const why = document.getElementById(remove.getAttribute("aria-describedby")!.split(" ")[0]!);
    expect(why?.textContent).toBe("Only team admins can delete projects.");
  });

  test("an admin deletes the team's project", async () => {
    const { backend, user } = await adaInAcme("org:admin");
    await user.click(within(await projects()).getByRole("button", { name: "Delete Acme roadmap" }));
    await user.keyboard("{Enter}");
    await expect
      .poll(() => backend.run((ctx) => ctx.db.query("projects").collect()))
      .toEqual([expect.objectContaining({ name: "Ada's notes" })]);
  });

  test("switching to the personal account shows the user's own projects", async () => {
    const { setSession } = await adaInAcme("org:admin");
    setSession(ADA);
    expect(await within(await projects()).findByText("Ada's notes")).toBeTruthy();
    expect(within(await projects()).queryByText("Acme roadmap")).toBeNull();
  });

  test("a team Convex has no membership for yet: the panel says it is syncing", async () => {
    const backend = newBackend();
    await addUser(backend, ADA);
    renderPage(<DashboardPage />, {
      session: { ...ADA, team: { ...ACME, role: "org:admin" } },
      backend,
    });
    expect(await within(await projects()).findByText(/Syncing your team from Clerk/)).toBeTruthy();
  });
});

// @slot tests
