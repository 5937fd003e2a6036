import { convexTest } from "convex-test";
import { describe, expect, test, vi } from "vitest";
import { api, internal } from "./_generated/api";
import schema from "./schema";
import { modules } from "./test.setup";
import { type ClerkUser, displayName, getCurrentUserOrThrow } from "./users";

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
  ...overrides,
});

describe("displayName", () => {
  test("joins first and last name", () => {
    expect(displayName(clerkUser())).toBe("Example Example");
    expect(displayName(clerkUser({ last_name: null }))).toBe("Example");
    expect(
      displayName(clerkUser({ first_name: null, last_name: "Lovelace" })),
    ).toBe("Lovelace");
  });

  test("email-only sign-up (null names) falls back to the username, then the primary email", () => {
    const noName = { first_name: null, last_name: null };
    expect(displayName(clerkUser({ ...noName, username: "ada" }))).toBe("ada");
    expect(displayName(clerkUser(noName))).toBe("example@example.org");
    expect(displayName(clerkUser({ ...noName, first_name: "  " }))).toBe(
      "example@example.org",
    );
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

describe("upsertFromClerk", () => {
  test("creates the user once, then updates it in place", async () => {
    const t = convexTest(schema, modules);
    const id = await t.mutation(internal.users.upsertFromClerk, {
      data: clerkUser(),
    });
    const again = await t.mutation(internal.users.upsertFromClerk, {
      data: clerkUser(),
    });
    expect(again).toBe(id);

    await t.mutation(internal.users.upsertFromClerk, {
      data: clerkUser({ first_name: "Ada", last_name: "Lovelace" }),
    });
    const users = await t.run((ctx) => ctx.db.query("users").collect());
    expect(users).toMatchObject([
      {
        _id: id,
        name: "Ada Lovelace",
        externalId: "user_29w83sxmDNGwOuEthce5gg56FcC",
      },
    ]);
  });
});

describe("deleteFromClerk", () => {
  test("deletes the user, and is a no-op when it is already gone", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const t = convexTest(schema, modules);
    await t.mutation(internal.users.upsertFromClerk, { data: clerkUser() });
    const clerkUserId = clerkUser().id;
    await t.mutation(internal.users.deleteFromClerk, { clerkUserId });
    await t.mutation(internal.users.deleteFromClerk, { clerkUserId });
    expect(await t.run((ctx) => ctx.db.query("users").collect())).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});

describe("current", () => {
  test("is null when signed out", async () => {
    const t = convexTest(schema, modules);
    await t.mutation(internal.users.upsertFromClerk, { data: clerkUser() });
    expect(await t.query(api.users.current, {})).toBeNull();
  });

  test("is null when signed in before the webhook created the user", async () => {
    const t = convexTest(schema, modules);
    const asUser = t.withIdentity({ subject: clerkUser().id });
    expect(await asUser.query(api.users.current, {})).toBeNull();
  });

  test("returns the signed-in user's record, matched on the JWT subject", async () => {
    const t = convexTest(schema, modules);
    await t.mutation(internal.users.upsertFromClerk, { data: clerkUser() });
    await t.mutation(internal.users.upsertFromClerk, {
      data: clerkUser({ id: "user_other", first_name: "Other" }),
    });
    const asUser = t.withIdentity({ subject: clerkUser().id });
    expect(await asUser.query(api.users.current, {})).toMatchObject({
      name: "Example Example",
      externalId: clerkUser().id,
    });
  });
});

describe("getCurrentUserOrThrow", () => {
  test("throws when signed out, returns the user when signed in", async () => {
    const t = convexTest(schema, modules);
    await t.mutation(internal.users.upsertFromClerk, { data: clerkUser() });
    await expect(t.run((ctx) => getCurrentUserOrThrow(ctx))).rejects.toThrow(
      /Not signed in/,
    );
    const asUser = t.withIdentity({ subject: clerkUser().id });
    const user = await asUser.run((ctx) => getCurrentUserOrThrow(ctx));
    expect(user.externalId).toBe(clerkUser().id);
  });
});
