import { describe, expect, test } from "vitest";
import { api } from "./_generated/api";
import { newTest } from "./test.setup";
import {
  type ClerkUser,
  deleteUser,
  displayName,
  getCurrentUserOrThrow,
  upsertUser,
} from "./model/users";

const clerkUser = (overrides: Partial<ClerkUser> = {}): ClerkUser => ({
  id: "user_29w83sxmDNGwOuEthce5gg56FcC",
  first_name: "Example",
  last_name: "Example",
  username: null,
  primary_email_address_id: "idn_29w83yL7CwVlJXylYLxcslromF1",
  email_addresses: [
    {
      id: "idn_29w83yL7CwVlJXylYLxcslromF1",
      email_address: "example@example.org",
    },
  ],
  updated_at: 1654012591835,
  ...overrides,
});

function setup() {
  const t = newTest();
  const upsert = (data: ClerkUser) => t.run((ctx) => upsertUser(ctx, data));
  const remove = (id: string) => t.run((ctx) => deleteUser(ctx, { id }));
  const users = () => t.run((ctx) => ctx.db.query("users").collect());
  return { t, upsert, remove, users };
}

describe("displayName", () => {
  test("joins first and last name", () => {
    expect(displayName(clerkUser())).toBe("Example Example");
    expect(displayName(clerkUser({ last_name: null }))).toBe("Example");
    expect(displayName(clerkUser({ first_name: null, last_name: "Lovelace" }))).toBe("Lovelace");
  });

  test("email-only sign-up (null names) falls back to the username, then the primary email", () => {
    const noName = { first_name: null, last_name: null };
    expect(displayName(clerkUser({ ...noName, username: "ada" }))).toBe("ada");
    expect(displayName(clerkUser(noName))).toBe("example@example.org");
    expect(displayName(clerkUser({ ...noName, first_name: "  " }))).toBe("example@example.org");
  });

  test("uses the primary email address, not the first one", () => {
    const user = clerkUser({
      first_name: null,
      last_name: null,
      primary_email_address_id: "idn_2",
      email_addresses: [
        { id: "idn_1", email_address: "old@example.org" },
        { id: "idn_2", email_address: "primary@example.org" },
      ],
    });
    expect(displayName(user)).toBe("primary@example.org");
  });

  test("is Anonymous when Clerk has no name, username or email (e.g. phone-only)", () => {
    const user = clerkUser({
      first_name: null,
      last_name: null,
      primary_email_address_id: null,
      email_addresses: [],
    });
    expect(displayName(user)).toBe("Anonymous");
  });
});

describe("upsertUser: ordering by Clerk's updated_at", () => {
  test("creates the user once, then applies only newer versions", async () => {
    const { upsert, users } = setup();
    expect(await upsert(clerkUser())).toEqual({ outcome: "processed" });
    expect(await upsert(clerkUser())).toEqual({
      outcome: "ignored",
      reason: "this version is stored already",
    });

    const renamed = clerkUser({
      first_name: "Ada",
      last_name: "Lovelace",
      updated_at: 1654012600000,
    });
    expect(await upsert(renamed)).toEqual({ outcome: "processed" });
    expect(await users()).toMatchObject([{ name: "Ada Lovelace", clerkUpdatedAt: 1654012600000 }]);
  });

  test("an older version delivered late does not overwrite a newer name", async () => {
    const { upsert, users } = setup();
    await upsert(clerkUser({ first_name: "New", updated_at: 2000 }));
    expect(await upsert(clerkUser({ first_name: "Old", updated_at: 1000 }))).toEqual({
      outcome: "ignored",
      reason: "older than the stored user",
    });
    expect(await users()).toMatchObject([{ name: "New Example" }]);
  });

  test("an equal updated_at never replaces the stored version", async () => {
    const { upsert, users } = setup();
    await upsert(clerkUser({ first_name: "First" }));
    await upsert(clerkUser({ first_name: "Second" }));
    expect(await users()).toMatchObject([{ name: "First Example" }]);
  });
});

describe("deleteUser: a deleted user stays deleted", () => {
  test("removes the row and leaves a tombstone outside users", async () => {
    const { t, upsert, remove, users } = setup();
    await upsert(clerkUser());
    expect(await remove(clerkUser().id)).toEqual({ outcome: "processed" });
    expect(await users()).toEqual([]);
    const tombstones = await t.run((ctx) => ctx.db.query("deletedUsers").collect());
    expect(tombstones).toMatchObject([{ externalId: clerkUser().id }]);
    expect(await remove(clerkUser().id)).toEqual({
      outcome: "ignored",
      reason: "the user was deleted already",
    });
  });

  test("a late user.updated (even a newer version) does not bring the user back", async () => {
    const { upsert, remove, users } = setup();
    await upsert(clerkUser());
    await remove(clerkUser().id);
    expect(await upsert(clerkUser({ updated_at: Date.now() }))).toEqual({
      outcome: "ignored",
      reason: "the user was deleted",
    });
    expect(await users()).toEqual([]);
  });

  test("user.deleted before user.created: the created event is ignored", async () => {
    const { upsert, remove, users } = setup();
    await remove(clerkUser().id);
    await upsert(clerkUser());
    expect(await users()).toEqual([]);
  });
});

describe("current", () => {
  test("is null when signed out", async () => {
    const { t, upsert } = setup();
    await upsert(clerkUser());
    expect(await t.query(api.users.current, {})).toBeNull();
  });

  test("is null when signed in before the webhook created the user", async () => {
    const { t } = setup();
    const asUser = t.withIdentity({ subject: clerkUser().id });
    expect(await asUser.query(api.users.current, {})).toBeNull();
  });

  test("returns the signed-in user's name and ids only, matched on the JWT subject", async () => {
    const { t, upsert } = setup();
    await upsert(clerkUser());
    await upsert(clerkUser({ id: "user_other", first_name: "Other" }));
    const asUser = t.withIdentity({ subject: clerkUser().id });
    const user = await asUser.query(api.users.current, {});
    expect(user).toMatchObject({
      name: "Example Example",
      externalId: clerkUser().id,
    });
    expect(Object.keys(user ?? {}).sort()).toEqual(["_creationTime", "_id", "externalId", "name"]);
  });
});

describe("getCurrentUserOrThrow", () => {
  test("throws ConvexErrors a client can read: NOT_SIGNED_IN, then USER_NOT_SYNCED", async () => {
    const { t, upsert } = setup();
    await expect(t.run((ctx) => getCurrentUserOrThrow(ctx))).rejects.toMatchObject({
      data: { code: "NOT_SIGNED_IN" },
    });
    const asUser = t.withIdentity({ subject: clerkUser().id });
    await expect(asUser.run((ctx) => getCurrentUserOrThrow(ctx))).rejects.toMatchObject({
      data: { code: "USER_NOT_SYNCED" },
    });
    await upsert(clerkUser());
    const user = await asUser.run((ctx) => getCurrentUserOrThrow(ctx));
    expect(user.externalId).toBe(clerkUser().id);
  });
});
