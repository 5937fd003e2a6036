import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { clerkEventHandlers } from "./clerkEvents";
import { FREE_PROJECT_LIMIT } from "./model/limits";
import { MAX_COUNTED } from "./model/projects";
import { newTest } from "./test.setup";

const ALICE = "user_alice";
const BOB = "user_bob";

function setup() {
  const t = newTest();
  const as = (subject: string) => t.withIdentity({ subject });
  const list = (subject: string) =>
    as(subject).query(api.projects.list, { paginationOpts: { numItems: 20, cursor: null } });
  return { t, as, list };
}

describe("projects belong to their owner (the signed-in user)", () => {
  test("create, list newest first, rename, delete", async () => {
    const { as, list } = setup();
    const first = await as(ALICE).mutation(api.projects.create, { name: "  First  " });
    await as(ALICE).mutation(api.projects.create, { name: "Second" });
    expect((await list(ALICE)).page.map((p) => p.name)).toEqual(["Second", "First"]);

    await as(ALICE).mutation(api.projects.rename, { projectId: first, name: "Renamed" });
    await as(ALICE).mutation(api.projects.remove, { projectId: first });
    expect((await list(ALICE)).page.map((p) => p.name)).toEqual(["Second"]);
  });

  test("another user sees none of them and can neither rename nor delete them (NOT_FOUND)", async () => {
    const { as, list } = setup();
    const project = await as(ALICE).mutation(api.projects.create, { name: "Alice's" });
    expect((await list(BOB)).page).toEqual([]);
    await expect(
      as(BOB).mutation(api.projects.rename, { projectId: project, name: "Mine now" }),
    ).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    await expect(
      as(BOB).mutation(api.projects.remove, { projectId: project }),
    ).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    expect((await list(ALICE)).page.map((p) => p.name)).toEqual(["Alice's"]);
  });

  test("signed out: an empty list, no usage, and NOT_SIGNED_IN for changes", async () => {
    const { t } = setup();
    expect(
      await t.query(api.projects.list, { paginationOpts: { numItems: 5, cursor: null } }),
    ).toMatchObject({
      page: [],
      isDone: true,
    });
    expect(await t.query(api.projects.usage, {})).toBeNull();
    await expect(t.mutation(api.projects.create, { name: "x" })).rejects.toMatchObject({
      data: { code: "NOT_SIGNED_IN" },
    });
  });

  test("a name must have 1 to 80 characters after trimming", async () => {
    const { as } = setup();
    for (const name of ["   ", "x".repeat(81)]) {
      await expect(as(ALICE).mutation(api.projects.create, { name })).rejects.toMatchObject({
        data: { code: "INVALID_NAME" },
      });
    }
  });

  test("pages through many projects", async () => {
    const { t } = setup();
    const user = t.withIdentity({ subject: ALICE });
    // Past the free limit, written directly: the limit is create's business, the listing must page regardless.
    await t.run(async (ctx) => {
      for (let i = 0; i < 5; i++)
        await ctx.db.insert("projects", { ownerId: ALICE, name: `p${i}`, createdBy: ALICE });
    });
    const first = await user.query(api.projects.list, {
      paginationOpts: { numItems: 2, cursor: null },
    });
    const second = await user.query(api.projects.list, {
      paginationOpts: { numItems: 10, cursor: first.continueCursor },
    });
    expect([...first.page, ...second.page].map((p) => p.name)).toEqual([
      "p4",
      "p3",
      "p2",
      "p1",
      "p0",
    ]);
  });
});

describe("the free limit is enforced by the mutation", () => {
  test(`${FREE_PROJECT_LIMIT} projects, then PROJECT_LIMIT; deleting one makes room again`, async () => {
    const { as } = setup();
    const ids = [];
    for (let i = 0; i < FREE_PROJECT_LIMIT; i++) {
      ids.push(await as(ALICE).mutation(api.projects.create, { name: `Project ${i}` }));
    }
    expect(await as(ALICE).query(api.projects.usage, {})).toEqual({
      count: FREE_PROJECT_LIMIT,
      capped: false,
      limit: FREE_PROJECT_LIMIT,
      canDelete: true,
    });
    await expect(
      as(ALICE).mutation(api.projects.create, { name: "One too many" }),
    ).rejects.toMatchObject({
      data: { code: "PROJECT_LIMIT", limit: FREE_PROJECT_LIMIT },
    });
    // The limit is per owner: Bob still has room.
    await as(BOB).mutation(api.projects.create, { name: "Bob's first" });

    await as(ALICE).mutation(api.projects.remove, { projectId: ids[0]! });
    await as(ALICE).mutation(api.projects.create, { name: "Room again" });
  });
});

test(`usage counts at most ${MAX_COUNTED} projects and says when there are more`, async () => {
  const t = newTest({ transactionLimits: true });
  const insert = (from: number, to: number) =>
    t.run(async (ctx) => {
      for (let i = from; i < to; i++)
        await ctx.db.insert("projects", { ownerId: ALICE, name: `p${i}`, createdBy: ALICE });
    });
  await insert(0, MAX_COUNTED);
  expect(await t.withIdentity({ subject: ALICE }).query(api.projects.usage, {})).toMatchObject({
    count: MAX_COUNTED,
    capped: false,
  });
  await insert(MAX_COUNTED, MAX_COUNTED + 1);
  expect(await t.withIdentity({ subject: ALICE }).query(api.projects.usage, {})).toMatchObject({
    count: MAX_COUNTED,
    capped: true,
  });
});

test("user.deleted deletes the user's own projects", async () => {
  const { t, as } = setup();
  await as(ALICE).mutation(api.projects.create, { name: "Alice's" });
  await as(BOB).mutation(api.projects.create, { name: "Bob's" });
  await t.run((ctx) => clerkEventHandlers["user.deleted"].apply(ctx, { id: ALICE }));
  const left = await t.run((ctx) => ctx.db.query("projects").collect());
  expect(left.map((p) => p.name)).toEqual(["Bob's"]);
});
