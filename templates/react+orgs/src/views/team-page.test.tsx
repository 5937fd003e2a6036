import { screen, within } from "@testing-library/react";
import { describe, expect, test, vi } from "vitest";
import { addUser, newBackend, renderPage, syncRequests } from "../testing/harness";
import { addTeam } from "../testing/teams";
import { TeamPage } from "./team-page";

const ADA = { userId: "user_ada", name: "Ada Lovelace" };
const ACME = { id: "org_acme", name: "Acme" };
const asAdmin = { ...ADA, team: { ...ACME, role: "org:admin" } };
const asMember = { ...ADA, team: { ...ACME, role: "org:member" } };

const members = async () =>
  within(await screen.findByRole("region", { name: "Members of Acme" }))
    .getAllByRole("listitem")
    .map((row) => row.textContent);

describe("the team page", () => {
  test("lists every member, two with the same name and role on rows of their own", async () => {
    // React reports rows that share a key here.
    const reported = vi.spyOn(console, "error");
    const backend = newBackend();
    await addUser(backend, ADA);
    await addTeam(backend, ACME, [
      { ...ADA, role: "org:admin" },
      { userId: "user_sam_1", name: "Sam Lee", role: "org:member" },
      { userId: "user_sam_2", name: "Sam Lee", role: "org:member" },
    ]);
    renderPage(<TeamPage />, { session: asAdmin, backend });
    expect(await members()).toEqual([
      expect.stringMatching(/^Ada Lovelace\s*\(you\)\s*admin$/),
      expect.stringMatching(/^Sam Lee\s*member$/),
      expect.stringMatching(/^Sam Lee\s*member$/),
    ]);
    expect(screen.getByText(/Invite and manage members/)).toBeTruthy();
    expect(reported).not.toHaveBeenCalled();
  });

  test("a member sees the members, but not how to manage them", async () => {
    const backend = newBackend();
    await addTeam(backend, ACME, [
      { ...ADA, role: "org:member" },
      { userId: "user_grace", name: "Grace Hopper", role: "org:admin" },
    ]);
    renderPage(<TeamPage />, { session: asMember, backend });
    expect(await members()).toHaveLength(2);
    expect(screen.queryByText(/Invite and manage members/)).toBeNull();
  });

  test("with no team active, says how to choose one", async () => {
    renderPage(<TeamPage />, { session: ADA });
    expect(await screen.findByText(/No team is active/)).toBeTruthy();
  });

  test("a team Convex has no membership for yet: asks Convex to sync it from Clerk, and says so", async () => {
    const { backend } = renderPage(<TeamPage />, { session: asAdmin });
    const syncing = await screen.findByText(/Syncing your team from Clerk/);
    expect(syncing.closest('[role="status"]')).not.toBeNull();
    await expect
      .poll(() => syncRequests(backend))
      .toEqual([expect.objectContaining({ userId: ADA.userId })]);
  });

  test("shows 20 members, then the rest with Load more", async () => {
    const backend = newBackend();
    const others = Array.from({ length: 24 }, (_, i) => ({
      userId: `user_${String(i).padStart(2, "0")}`,
      name: `Member ${i + 1}`,
      role: "org:member",
    }));
    await addTeam(backend, ACME, [{ ...ADA, role: "org:admin" }, ...others]);
    const { user } = renderPage(<TeamPage />, { session: asAdmin, backend });
    expect(await members()).toHaveLength(20);
    await user.click(screen.getByRole("button", { name: "Load more" }));
    await expect.poll(members).toHaveLength(25);
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  });

  test("a member who leaves disappears from the list, live", async () => {
    const backend = newBackend();
    await addTeam(backend, ACME, [
      { ...ADA, role: "org:admin" },
      { userId: "user_grace", name: "Grace Hopper", role: "org:member" },
    ]);
    const { client } = renderPage(<TeamPage />, { session: asAdmin, backend });
    expect(await members()).toHaveLength(2);
    await backend.run(async (ctx) => {
      const grace = await ctx.db
        .query("memberships")
        .withIndex("by_orgId_and_userId", (q) => q.eq("orgId", ACME.id).eq("userId", "user_grace"))
        .unique();
      await ctx.db.delete(grace!._id);
    });
    await client.refresh();
    expect(await members()).toEqual([expect.stringContaining("Ada Lovelace")]);
  });
});
