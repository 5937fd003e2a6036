import { convexTest } from "convex-test";
import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { getOwner, requireOwner } from "./model/owners";
import schema from "./schema";
import { modules } from "./test.setup";

const TEAM_A = "org_team_a";
const TEAM_B = "org_team_b";
const ADMIN = "user_admin";
const MEMBER = "user_member";
const OUTSIDER = "user_outsider";

/** Memberships as Clerk's webhooks would have stored them. */
async function seed(t: ReturnType<typeof convexTest>) {
  await t.run(async (ctx) => {
    const rows = [
      { orgId: TEAM_A, userId: ADMIN, role: "org:admin" },
      { orgId: TEAM_A, userId: MEMBER, role: "org:member" },
      { orgId: TEAM_B, userId: OUTSIDER, role: "org:admin" },
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
  const t = convexTest(schema, modules);
  // Clerk's session token v2 carries the active organization as `o.id`.
  const inTeam = (subject: string, team: string) =>
    t.withIdentity({ subject, o: { id: team, rol: "member" } });
  const list = (who: ReturnType<typeof inTeam>) =>
    who.query(api.projects.list, { paginationOpts: { numItems: 20, cursor: null } });
  return { t, inTeam, list };
}

describe("the owner abstraction", () => {
  test("no active team: the user; an active team the caller is a member of: the team, with the stored role", async () => {
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

  test("deleting is admin-only: a member gets FORBIDDEN and may rename; an admin deletes", async () => {
    const { t, inTeam, list } = setup();
    await seed(t);
    const project = await inTeam(MEMBER, TEAM_A).mutation(api.projects.create, { name: "Doc" });
    expect(await inTeam(MEMBER, TEAM_A).query(api.projects.usage, {})).toMatchObject({
      canDelete: false,
    });
    await expect(
      inTeam(MEMBER, TEAM_A).mutation(api.projects.remove, { projectId: project }),
    ).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    await inTeam(MEMBER, TEAM_A).mutation(api.projects.rename, {
      projectId: project,
      name: "Doc v2",
    });
    await inTeam(ADMIN, TEAM_A).mutation(api.projects.remove, { projectId: project });
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

describe("api.organizations.members", () => {
  test("the active team's members with their roles; null for outsiders and without a team", async () => {
    const { t, inTeam } = setup();
    await seed(t);
    expect(await inTeam(MEMBER, TEAM_A).query(api.organizations.members, {})).toEqual({
      team: { name: TEAM_A },
      members: [
        { name: ADMIN, role: "org:admin", isYou: false },
        { name: MEMBER, role: "org:member", isYou: true },
      ],
    });
    expect(
      await t
        .withIdentity({ subject: OUTSIDER, o: { id: TEAM_A } })
        .query(api.organizations.members, {}),
    ).toBeNull();
    expect(
      await t.withIdentity({ subject: MEMBER }).query(api.organizations.members, {}),
    ).toBeNull();
  });
});

// @slot tests
