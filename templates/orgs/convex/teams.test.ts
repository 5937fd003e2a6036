import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { getOwner, requireOwner } from "./model/owners";
import { DELETE_PROJECTS } from "./model/projects";
import { newTest } from "./test.setup";

const TEAM_A = "org_team_a";
const TEAM_B = "org_team_b";
const ADMIN = "user_admin";
const MEMBER = "user_member";
const OUTSIDER = "user_outsider";
const EDITOR = "user_editor";

/** Memberships as Clerk's webhooks would have stored them. */
async function seed(t: ReturnType<typeof newTest>) {
  await t.run(async (ctx) => {
    const rows = [
      { orgId: TEAM_A, userId: ADMIN, role: "org:admin", permissions: [] },
      { orgId: TEAM_A, userId: MEMBER, role: "org:member", permissions: ["org:projects:read"] },
      // A custom role, given the permission to delete projects in the Clerk Dashboard.
      {
        orgId: TEAM_A,
        userId: EDITOR,
        role: "org:editor",
        permissions: [DELETE_PROJECTS, "org:members:manage"],
      },
      { orgId: TEAM_B, userId: OUTSIDER, role: "org:admin", permissions: [] },
    ];
    for (const [i, row] of rows.entries()) {
      await ctx.db.insert("memberships", {
        ...row,
        membershipId: `orgmem_${i}`,
        name: row.userId,
        clerkUpdatedAt: 1,
      });
    }
    for (const orgId of [TEAM_A, TEAM_B]) {
      await ctx.db.insert("organizations", { orgId, name: orgId, clerkUpdatedAt: 1 });
    }
  });
}

function setup() {
  const t = newTest();
  // Clerk's session token v2 carries the active organization as `o.id`.
  const inTeam = (subject: string, team: string) =>
    t.withIdentity({ subject, o: { id: team, rol: "member" } });
  const list = (who: ReturnType<typeof inTeam>) =>
    who.query(api.projects.list, { paginationOpts: { numItems: 20, cursor: null } });
  return { t, inTeam, list };
}

describe("the owner abstraction", () => {
  test("no active team: the user; an active team the caller is a member of: the team, with the stored role and permissions", async () => {
    const { t } = setup();
    await seed(t);
    expect(await t.withIdentity({ subject: MEMBER }).run((ctx) => getOwner(ctx))).toEqual({
      kind: "user",
      id: MEMBER,
    });
    expect(
      await t
        .withIdentity({ subject: MEMBER, o: { id: TEAM_A, rol: "admin" } })
        .run((ctx) => getOwner(ctx)),
    ).toEqual({
      kind: "team",
      id: TEAM_A,
      role: "org:member", // Convex's memberships table, not the token's claim
      permissions: ["org:projects:read"],
    });
    // Session token v1 names the active organization org_id.
    expect(
      await t.withIdentity({ subject: ADMIN, org_id: TEAM_A }).run((ctx) => getOwner(ctx)),
    ).toMatchObject({
      kind: "team",
      role: "org:admin",
    });
  });

  test("a team the caller is not a member of (in Convex's tables) is refused: NOT_A_MEMBER", async () => {
    const { t } = setup();
    await seed(t);
    const intruder = t.withIdentity({ subject: OUTSIDER, o: { id: TEAM_A } });
    expect(await intruder.run((ctx) => getOwner(ctx))).toBeNull();
    await expect(intruder.run((ctx) => requireOwner(ctx))).rejects.toMatchObject({
      data: { code: "NOT_A_MEMBER", team: TEAM_A },
    });
    await expect(intruder.mutation(api.projects.create, { name: "Sneaky" })).rejects.toMatchObject({
      data: { code: "NOT_A_MEMBER" },
    });
  });
});

describe("team projects", () => {
  test("belong to the team: every member sees them, personal projects stay personal", async () => {
    const { t, inTeam, list } = setup();
    await seed(t);
    await inTeam(MEMBER, TEAM_A).mutation(api.projects.create, { name: "Shared" });
    await t.withIdentity({ subject: MEMBER }).mutation(api.projects.create, { name: "Personal" });
    expect((await list(inTeam(ADMIN, TEAM_A))).page.map((p) => p.name)).toEqual(["Shared"]);
    expect((await list(t.withIdentity({ subject: MEMBER }))).page.map((p) => p.name)).toEqual([
      "Personal",
    ]);
  });

  test("a member of team B can never read or change team A's projects", async () => {
    const { t, inTeam, list } = setup();
    await seed(t);
    const project = await inTeam(ADMIN, TEAM_A).mutation(api.projects.create, { name: "Team A's" });
    const teamB = inTeam(OUTSIDER, TEAM_B);
    expect((await list(teamB)).page).toEqual([]);
    await expect(
      teamB.mutation(api.projects.rename, { projectId: project, name: "Taken" }),
    ).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    await expect(teamB.mutation(api.projects.remove, { projectId: project })).rejects.toMatchObject(
      {
        data: { code: "NOT_FOUND" },
      },
    );
    expect((await list(inTeam(ADMIN, TEAM_A))).page.map((p) => p.name)).toEqual(["Team A's"]);
  });

  test("deleting needs the permission: a member without it gets FORBIDDEN and may rename; an admin deletes", async () => {
    const { t, inTeam, list } = setup();
    await seed(t);
    const project = await inTeam(MEMBER, TEAM_A).mutation(api.projects.create, { name: "Doc" });
    expect(await inTeam(MEMBER, TEAM_A).query(api.projects.usage, {})).toMatchObject({
      canDelete: false,
    });
    await expect(
      inTeam(MEMBER, TEAM_A).mutation(api.projects.remove, { projectId: project }),
    ).rejects.toMatchObject({
      data: { code: "FORBIDDEN", permission: DELETE_PROJECTS },
    });
    await inTeam(MEMBER, TEAM_A).mutation(api.projects.rename, {
      projectId: project,
      name: "Doc v2",
    });
    await inTeam(ADMIN, TEAM_A).mutation(api.projects.remove, { projectId: project });
    expect((await list(inTeam(ADMIN, TEAM_A))).page).toEqual([]);
  });

  test("a custom role with the permission deletes too, with no code change", async () => {
    const { t, inTeam, list } = setup();
    await seed(t);
    const project = await inTeam(MEMBER, TEAM_A).mutation(api.projects.create, { name: "Doc" });
    expect(await inTeam(EDITOR, TEAM_A).query(api.projects.usage, {})).toMatchObject({
      canDelete: true,
    });
    await inTeam(EDITOR, TEAM_A).mutation(api.projects.remove, { projectId: project });
    expect((await list(inTeam(ADMIN, TEAM_A))).page).toEqual([]);
  });

  test("the free limit counts per team", async () => {
    const { t, inTeam } = setup();
    await seed(t);
    for (const name of ["1", "2", "3"])
      await inTeam(MEMBER, TEAM_A).mutation(api.projects.create, { name });
    await expect(
      inTeam(ADMIN, TEAM_A).mutation(api.projects.create, { name: "4" }),
    ).rejects.toMatchObject({
      data: { code: "PROJECT_LIMIT" },
    });
    await t
      .withIdentity({ subject: ADMIN })
      .mutation(api.projects.create, { name: "Personal is separate" });
  });
});

describe("the team page's queries", () => {
  const firstPage = { paginationOpts: { numItems: 20, cursor: null } };

  test("api.organizations.team: the active team, whether the caller may manage it; null for outsiders and without a team", async () => {
    const { t, inTeam } = setup();
    await seed(t);
    expect(await inTeam(MEMBER, TEAM_A).query(api.organizations.team, {})).toEqual({
      name: TEAM_A,
      canManage: false,
    });
    expect(await inTeam(EDITOR, TEAM_A).query(api.organizations.team, {})).toMatchObject({
      canManage: true,
    });
    expect(await inTeam(ADMIN, TEAM_A).query(api.organizations.team, {})).toMatchObject({
      canManage: true,
    });
    expect(
      await t
        .withIdentity({ subject: OUTSIDER, o: { id: TEAM_A } })
        .query(api.organizations.team, {}),
    ).toBeNull();
    expect(await t.withIdentity({ subject: MEMBER }).query(api.organizations.team, {})).toBeNull();
  });

  test("api.organizations.members: the active team's members with their roles; nothing for outsiders and without a team", async () => {
    const { t, inTeam } = setup();
    await seed(t);
    const { page, isDone } = await inTeam(MEMBER, TEAM_A).query(
      api.organizations.members,
      firstPage,
    );
    expect(isDone).toBe(true);
    // Each member comes with the id of their membership's row.
    const membershipIds = await t.run(async (ctx) =>
      Object.fromEntries(
        (await ctx.db.query("memberships").collect()).map((row) => [row.userId, row._id]),
      ),
    );
    expect(page).toEqual([
      { _id: membershipIds[ADMIN], userId: ADMIN, name: ADMIN, role: "org:admin", isYou: false },
      {
        _id: membershipIds[EDITOR],
        userId: EDITOR,
        name: EDITOR,
        role: "org:editor",
        isYou: false,
      },
      { _id: membershipIds[MEMBER], userId: MEMBER, name: MEMBER, role: "org:member", isYou: true },
    ]);
    const outsider = t.withIdentity({ subject: OUTSIDER, o: { id: TEAM_A } });
    expect(await outsider.query(api.organizations.members, firstPage)).toMatchObject({
      page: [],
      isDone: true,
    });
    expect(
      await t.withIdentity({ subject: MEMBER }).query(api.organizations.members, firstPage),
    ).toMatchObject({ page: [], isDone: true });
  });

  test("api.organizations.members pages through a large team, each page bounded", async () => {
    const t = newTest({ transactionLimits: true });
    const size = 250;
    await t.run(async (ctx) => {
      for (let i = 0; i < size; i++) {
        const userId = `user_${String(i).padStart(3, "0")}`;
        await ctx.db.insert("memberships", {
          membershipId: `orgmem_${i}`,
          orgId: TEAM_A,
          userId,
          role: "org:member",
          permissions: [],
          name: userId,
          clerkUpdatedAt: 1,
        });
      }
    });
    const member = t.withIdentity({ subject: "user_000", o: { id: TEAM_A } });
    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const result: { page: { userId: string }[]; isDone: boolean; continueCursor: string } =
        await member.query(api.organizations.members, {
          paginationOpts: { numItems: 100, cursor },
        });
      expect(result.page.length).toBeLessThanOrEqual(100);
      seen.push(...result.page.map((m) => m.userId));
      if (result.isDone) break;
      cursor = result.continueCursor;
    }
    expect(seen).toHaveLength(size);
    expect(new Set(seen).size).toBe(size);
  });
});

// @slot tests
