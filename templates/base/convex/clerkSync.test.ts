import { describe, expect, test, vi } from "vitest";
import userUpdated from "../webhooks/samples/user.updated.json";
import { api, internal } from "./_generated/api";
import { SYNC_INTERVAL_MS } from "./clerkSync";
import { CLERK_WEBHOOK_PATH } from "./clerkWebhook";
import { fakeClerkApi } from "./model/clerkApi.testing";
import { newTest, signedWebhook, useWebhookTestEnv } from "./test.setup";

// The user of Clerk's user.updated example: GET /users/{id} answers with the same User object.
const USER = userUpdated.data.id;
const clerkUser = userUpdated.data;

function setup() {
  const t = newTest();
  const clerk = fakeClerkApi();
  const user = t.withIdentity({ subject: USER });
  /** Runs every scheduled function (syncs, and the re-checks they schedule) to the end. */
  const settle = () => t.finishAllScheduledFunctions(vi.runAllTimers);
  const users = () => t.run((ctx) => ctx.db.query("users").collect());
  return { t, clerk, user, settle, users };
}

useWebhookTestEnv({ fakeTimers: true });

describe("a user who signs in before Clerk's user.created arrives", () => {
  test("has a row from the session at once, then Clerk's version of it", async () => {
    const { t, clerk, settle, users } = setup();
    clerk.answer(`/users/${USER}`, clerkUser);
    const session = t.withIdentity({ subject: USER, name: "From the session" });
    expect(await session.mutation(api.clerkSync.requestSync, {})).toEqual({ scheduled: true });
    expect(await users()).toMatchObject([{ externalId: USER, name: "From the session" }]);
    expect(await session.query(api.users.current, {})).toMatchObject({ name: "From the session" });

    await settle();
    expect(clerk.requests).toContain(`/users/${USER}`);
    expect(await users()).toMatchObject([
      { externalId: USER, name: "John Doe Updated", clerkUpdatedAt: clerkUser.updated_at },
    ]);
  });

  test("then the webhook's user.created, newer than the session's row, replaces it", async () => {
    const { t, user, users } = setup();
    await user.mutation(api.clerkSync.requestSync, {});
    const created = { ...userUpdated, type: "user.created" };
    expect((await t.fetch(CLERK_WEBHOOK_PATH, signedWebhook(created))).status).toBe(200);
    expect(await users()).toMatchObject([{ name: "John Doe Updated" }]);
  });
});

describe("reconciliation follows the webhook's rules", () => {
  test("a version from Clerk older than the stored one changes nothing", async () => {
    const { t, clerk, user, settle, users } = setup();
    const newer = { ...clerkUser, first_name: "Newer", updated_at: clerkUser.updated_at + 1 };
    await t.fetch(CLERK_WEBHOOK_PATH, signedWebhook({ ...userUpdated, data: newer }));
    clerk.answer(`/users/${USER}`, clerkUser);
    await user.mutation(api.clerkSync.requestSync, {});
    await settle();
    expect(await users()).toMatchObject([{ name: "Newer Doe Updated" }]);
  });

  test("a user whose user.deleted was applied is not brought back", async () => {
    const { t, clerk, settle, users } = setup();
    clerk.answer(`/users/${USER}`, clerkUser);
    await t.fetch(
      CLERK_WEBHOOK_PATH,
      signedWebhook({ ...userUpdated, type: "user.deleted", data: { id: USER, deleted: true } }),
    );
    await t.action(internal.clerkSync.reconcile, { owner: { kind: "user", id: USER } });
    await settle();
    expect(await users()).toEqual([]);
  });
});

describe("requestSync", () => {
  test("needs a signed-in user", async () => {
    const { t } = setup();
    await expect(t.mutation(api.clerkSync.requestSync, {})).rejects.toMatchObject({
      data: { code: "NOT_SIGNED_IN" },
    });
  });

  test(`schedules at most one sync per user every ${SYNC_INTERVAL_MS / 1000} s`, async () => {
    const { user, t } = setup();
    expect(await user.mutation(api.clerkSync.requestSync, {})).toEqual({ scheduled: true });
    expect(await user.mutation(api.clerkSync.requestSync, {})).toEqual({ scheduled: false });
    const other = t.withIdentity({ subject: "user_other" });
    expect(await other.mutation(api.clerkSync.requestSync, {})).toEqual({ scheduled: true });
    vi.advanceTimersByTime(SYNC_INTERVAL_MS);
    expect(await user.mutation(api.clerkSync.requestSync, {})).toEqual({ scheduled: true });
  });
});

describe("talking to Clerk", () => {
  test("without CLERK_SECRET_KEY nothing is fetched, and the logs say what to set", async () => {
    const { clerk, user, settle, users } = setup();
    vi.stubEnv("CLERK_SECRET_KEY", "");
    await user.mutation(api.clerkSync.requestSync, {});
    await settle();
    expect(clerk.requests).toEqual([]);
    expect(await users()).toMatchObject([{ name: "Anonymous", clerkUpdatedAt: 0 }]);
    expect(JSON.stringify(vi.mocked(console.error).mock.calls)).toContain(
      "npx convex env set CLERK_SECRET_KEY",
    );
  });

  test("a sync rate-limited by Clerk (429) runs again after Retry-After", async () => {
    const { clerk, user, settle, users } = setup();
    clerk.answerOnce(`/users/${USER}`, 429, { errors: [] }, { "retry-after": "2" });
    clerk.answer(`/users/${USER}`, clerkUser);
    await user.mutation(api.clerkSync.requestSync, {});
    await settle();
    expect(clerk.requests.filter((path) => path === `/users/${USER}`)).toHaveLength(2);
    expect(await users()).toMatchObject([{ name: "John Doe Updated" }]);
  });
});

test("backfill syncs every user Clerk lists, a page at a time", async () => {
  const { t, clerk, settle, users } = setup();
  const ids = ["user_a", "user_b", "user_c"];
  const userJson = (id: string) => ({ ...clerkUser, id, first_name: id, last_name: null });
  clerk.answer("/users?limit=2", ids.slice(0, 2).map(userJson));
  clerk.answer("/users?limit=2&starting_after=user_b", ids.slice(2).map(userJson));
  for (const id of ids) clerk.answer(`/users/${id}`, userJson(id));
  await t.action(internal.clerkSync.backfill, { pageSize: 2 });
  await settle();
  expect((await users()).map((user) => user.name).sort()).toEqual(ids);
  expect(clerk.requests.filter((path) => path.startsWith("/users?"))).toEqual([
    "/users?limit=2",
    "/users?limit=2&starting_after=user_b",
  ]);
});

// @slot tests
