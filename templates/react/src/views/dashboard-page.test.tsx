import { screen, within } from "@testing-library/react";
import { describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { FREE_PROJECT_LIMIT } from "../../convex/model/limits";
import { addProjects, addUser, type Backend, newBackend, renderPage } from "../testing/harness";
import { DashboardPage } from "./dashboard-page";

const ADA = { userId: "user_ada", name: "Ada Lovelace" };

const account = () => screen.findByRole("region", { name: "Your account" });
const projects = () => screen.findByRole("region", { name: "Projects" });
const projectNames = async () =>
  within(await projects())
    .queryAllByRole("listitem")
    .map((row) => row.querySelector("span")?.textContent);
const storedNames = (backend: Backend) =>
  backend.run(async (ctx) => (await ctx.db.query("projects").collect()).map((p) => p.name));

/** Ada, signed in and synced, with these projects (oldest first); the dashboard rendered once they show. */
async function adaWith(names: string[]) {
  const backend = newBackend();
  await addUser(backend, ADA);
  await addProjects(backend, ADA.userId, names);
  const page = renderPage(<DashboardPage />, { session: ADA, backend });
  if (names.length > 0) await within(await projects()).findByText(names.at(-1)!);
  else await within(await projects()).findByLabelText("Project name");
  return page;
}

describe("the dashboard", () => {
  test("while Clerk loads, each panel holds a placeholder, announced as loading", async () => {
    renderPage(<DashboardPage />, { session: ADA, loading: true });
    for (const panel of [await account(), await projects()]) {
      expect(within(panel).getByRole("status").textContent).toBe("Loading…");
    }
  });

  test("shows the account and the projects, newest first", async () => {
    await adaWith(["Alpha", "Beta"]);
    expect(within(await account()).getByText("Ada Lovelace")).toBeTruthy();
    expect(await projectNames()).toEqual(["Beta", "Alpha"]);
    expect(
      within(await projects()).getByText(`2 of ${FREE_PROJECT_LIMIT} projects on the free plan.`),
    ).toBeTruthy();
  });

  test("a user Convex has no record of yet: syncing, then the account from Clerk's session, live", async () => {
    const { backend } = renderPage(<DashboardPage />, { session: ADA });
    expect(
      await within(await account()).findByText(/Syncing your account from Clerk/),
    ).toBeTruthy();
    expect(await within(await account()).findByText("Ada Lovelace")).toBeTruthy();
    expect(await backend.run((ctx) => ctx.db.query("users").collect())).toEqual([
      expect.objectContaining({ externalId: ADA.userId, name: ADA.name }),
    ]);
  });

  test("Convex does not accept Clerk's session: the account panel says what to configure", async () => {
    renderPage(<DashboardPage />, { session: ADA, convexRejects: true });
    expect(await within(await account()).findByText(/CLERK_JWT_ISSUER_DOMAIN/)).toBeTruthy();
  });

  test("with no projects: the form, the free plan's count, and an invitation to create one", async () => {
    await adaWith([]);
    expect(await projectNames()).toEqual([]);
    expect(within(await projects()).getByText(/No projects yet/)).toBeTruthy();
    expect(
      within(await projects()).getByText(`0 of ${FREE_PROJECT_LIMIT} projects on the free plan.`),
    ).toBeTruthy();
  });

  test("at the free limit, Create is disabled", async () => {
    const { user } = await adaWith(["Alpha", "Beta", "Gamma"].slice(0, FREE_PROJECT_LIMIT));
    await user.type(within(await projects()).getByLabelText("Project name"), "Delta");
    expect(within(await projects()).getByRole("button", { name: "Create" })).toHaveProperty(
      "disabled",
      true,
    );
  });

  test("a new project shows at once (optimistic), then as the server stored it", async () => {
    const { backend, client, user } = await adaWith(["Alpha"]);
    await user.type(within(await projects()).getByLabelText("Project name"), "  Beta  ");
    const release = client.holdServer();
    await user.click(within(await projects()).getByRole("button", { name: "Create" }));
    expect(await projectNames()).toEqual(["Beta", "Alpha"]);
    expect(await storedNames(backend)).toEqual(["Alpha"]);
    release();
    await expect.poll(() => storedNames(backend)).toEqual(["Alpha", "Beta"]);
    expect(await projectNames()).toEqual(["Beta", "Alpha"]);
    expect(
      within(await projects()).getByText(`2 of ${FREE_PROJECT_LIMIT} projects on the free plan.`),
    ).toBeTruthy();
  });

  test("the limit reached in another tab: the server refuses, the optimistic row goes, the field says why", async () => {
    const { backend, user } = await adaWith(["Alpha"]);
    // Another tab fills the plan; this page has not heard yet.
    await addProjects(backend, ADA.userId, ["Beta", "Gamma"].slice(0, FREE_PROJECT_LIMIT - 1));
    const field = within(await projects()).getByLabelText("Project name");
    await user.type(field, "Delta");
    await user.click(within(await projects()).getByRole("button", { name: "Create" }));
    const alert = await within(await projects()).findByRole("alert");
    expect(alert.textContent).toBe(`The free plan holds ${FREE_PROJECT_LIMIT} projects.`);
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toBe(alert.id);
    expect(field).toHaveProperty("value", "Delta");
    expect(await projectNames()).not.toContain("Delta");
  });

  test("Rename opens a field in the row, focused, with the name selected", async () => {
    const { user } = await adaWith(["Alpha", "Beta"]);
    await user.click(within(await projects()).getByRole("button", { name: "Rename Alpha" }));
    const field = within(await projects()).getByLabelText("New name for Alpha");
    expect(document.activeElement).toBe(field);
    expect(field).toHaveProperty("selectionStart", 0);
    expect(field).toHaveProperty("selectionEnd", "Alpha".length);
    expect(within(await projects()).getByRole("button", { name: "Cancel" })).toBeTruthy();
  });

  test("Save renames the project, and the focus returns to its Rename button", async () => {
    const { backend, user } = await adaWith(["Alpha", "Beta"]);
    await user.click(within(await projects()).getByRole("button", { name: "Rename Alpha" }));
    await user.keyboard("Alpha 2{Enter}");
    await expect.poll(() => storedNames(backend)).toEqual(["Alpha 2", "Beta"]);
    const renamed = await within(await projects()).findByRole("button", { name: "Rename Alpha 2" });
    expect(document.activeElement).toBe(renamed);
  });

  test("a blank name is refused by the server: the field stays open and says why", async () => {
    const { backend, user } = await adaWith(["Alpha"]);
    await user.click(within(await projects()).getByRole("button", { name: "Rename Alpha" }));
    await user.keyboard("{Backspace}   {Enter}");
    const alert = await within(await projects()).findByRole("alert");
    expect(alert.textContent).toBe("A name needs 1 to 80 characters.");
    const field = within(await projects()).getByLabelText("New name for Alpha");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toBe(alert.id);
    expect(await storedNames(backend)).toEqual(["Alpha"]);
  });

  test("Escape leaves Rename with the name as it was, focus back on Rename", async () => {
    const { backend, user } = await adaWith(["Alpha"]);
    await user.click(within(await projects()).getByRole("button", { name: "Rename Alpha" }));
    await user.keyboard("Changed{Escape}");
    const rename = await within(await projects()).findByRole("button", { name: "Rename Alpha" });
    expect(document.activeElement).toBe(rename);
    expect(await storedNames(backend)).toEqual(["Alpha"]);
  });

  test("a project deleted elsewhere leaves the list, live, even while it is being renamed", async () => {
    const { backend, client, user } = await adaWith(["Alpha", "Beta"]);
    await user.click(within(await projects()).getByRole("button", { name: "Rename Alpha" }));
    await backend.run(async (ctx) => {
      const alpha = (await ctx.db.query("projects").collect()).find((p) => p.name === "Alpha");
      await ctx.db.delete(alpha!._id);
    });
    await client.refresh();
    await expect.poll(projectNames).toEqual(["Beta"]);
    expect(within(await projects()).queryByLabelText("New name for Alpha")).toBeNull();
  });

  test("Delete asks first, with the focus on the confirming Delete", async () => {
    const { backend, user } = await adaWith(["Alpha", "Beta"]);
    await user.click(within(await projects()).getByRole("button", { name: "Delete Alpha" }));
    expect(within(await projects()).getByText("Delete Alpha?")).toBeTruthy();
    expect(document.activeElement?.textContent).toBe("Delete");
    expect(await storedNames(backend)).toEqual(["Alpha", "Beta"]);
  });

  test("Escape keeps the project, focus back on its Delete; confirming removes it", async () => {
    const { backend, user } = await adaWith(["Alpha", "Beta"]);
    await user.click(within(await projects()).getByRole("button", { name: "Delete Alpha" }));
    await user.keyboard("{Escape}");
    expect(document.activeElement).toBe(
      within(await projects()).getByRole("button", { name: "Delete Alpha" }),
    );
    await user.click(within(await projects()).getByRole("button", { name: "Delete Alpha" }));
    await user.keyboard("{Enter}");
    await expect.poll(projectNames).toEqual(["Beta"]);
    expect(await storedNames(backend)).toEqual(["Beta"]);
  });

  test("shows 10 projects, then the rest with Load more", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Project ${i + 1}`);
    const backend = newBackend();
    await addUser(backend, ADA);
    // On Pro or not, the list pages the same: add them past the free limit, as a lapsed plan leaves them.
    await addProjects(backend, ADA.userId, names);
    const { user } = renderPage(<DashboardPage />, { session: ADA, backend });
    await within(await projects()).findByText("Project 12");
    expect(await projectNames()).toHaveLength(10);
    await user.click(within(await projects()).getByRole("button", { name: "Load more" }));
    await expect.poll(projectNames).toEqual([...names].reverse());
  });

  test("a deploy removed a function the page calls: the panel says to reload, the others stay", async () => {
    // React reports the error its boundary caught.
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { client } = await adaWith(["Alpha"]);
    client.undeploy(api.projects.usage);
    const alert = await within(await projects()).findByRole("alert");
    expect(alert.textContent).toMatch(/This page is out of date/);
    expect(within(alert).getByRole("button", { name: "Reload" })).toBeTruthy();
    expect(within(await account()).getByText("Ada Lovelace")).toBeTruthy();
  });
});
