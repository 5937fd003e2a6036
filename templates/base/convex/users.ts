import { type Infer, v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc } from "./_generated/dataModel";
import {
  type ActionCtx,
  internalMutation,
  query,
  type QueryCtx,
} from "./_generated/server";
import schema from "./schema";

const userDoc = v.object({
  _id: v.id("users"),
  _creationTime: v.number(),
  ...schema.tables.users.validator.fields,
});

/** The signed-in user's record, or null when signed out or before Clerk's webhook created it. */
export const current = query({
  args: {},
  returns: v.union(userDoc, v.null()),
  handler: async (ctx) => {
    return await getCurrentUser(ctx);
  },
});

/**
 * The fields of Clerk's user JSON (the `data` of user.created / user.updated) that we read.
 * Clerk sends many more; `pickClerkUser` drops them, since Convex validators reject unknown fields.
 */
export const clerkUserValidator = v.object({
  id: v.string(),
  // null after an email-only (or phone-only) sign-up
  first_name: v.union(v.string(), v.null()),
  last_name: v.union(v.string(), v.null()),
  // null unless usernames are enabled in the Clerk instance
  username: v.union(v.string(), v.null()),
  primary_email_address_id: v.union(v.string(), v.null()),
  email_addresses: v.array(
    v.object({ id: v.string(), email_address: v.string() }),
  ),
});
export type ClerkUser = Infer<typeof clerkUserValidator>;

/** Creates or updates the user from Clerk's user JSON. Idempotent: Clerk may deliver an event twice. */
export const upsertFromClerk = internalMutation({
  args: { data: clerkUserValidator },
  returns: v.id("users"),
  handler: async (ctx, { data }) => {
    const name = displayName(data);
    const user = await userByExternalId(ctx, data.id);
    if (user === null) {
      return await ctx.db.insert("users", { name, externalId: data.id });
    }
    if (user.name !== name) {
      await ctx.db.patch(user._id, { name });
    }
    return user._id;
  },
});

/** Deletes the user with this Clerk user id, if we have it. */
export const deleteFromClerk = internalMutation({
  args: { clerkUserId: v.string() },
  returns: v.null(),
  handler: async (ctx, { clerkUserId }) => {
    const user = await userByExternalId(ctx, clerkUserId);
    if (user === null) {
      // Already deleted (a redelivery), or never created.
      console.warn(`No user to delete for Clerk user ${clerkUserId}`);
      return null;
    }
    await ctx.db.delete(user._id);
    return null;
  },
});

/**
 * The name we show for a Clerk user: "First Last" when Clerk has either part, else the
 * username, else the primary email address, else "Anonymous". Email-only sign-ups have
 * null first and last names until the user fills them in (user.updated then renames them).
 */
export function displayName(user: ClerkUser): string {
  const fullName = [user.first_name, user.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
  if (fullName) return fullName;
  if (user.username?.trim()) return user.username.trim();
  const email =
    user.email_addresses.find((e) => e.id === user.primary_email_address_id) ??
    user.email_addresses[0];
  return email?.email_address ?? "Anonymous";
}

export async function getCurrentUser(
  ctx: QueryCtx,
): Promise<Doc<"users"> | null> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) return null;
  // With Clerk, the JWT subject is the Clerk user id.
  return await userByExternalId(ctx, identity.subject);
}

export async function getCurrentUserOrThrow(
  ctx: QueryCtx,
): Promise<Doc<"users">> {
  const user = await getCurrentUser(ctx);
  if (user === null) {
    throw new Error("Not signed in, or the user is not synced from Clerk yet");
  }
  return user;
}

export async function userByExternalId(
  ctx: QueryCtx,
  externalId: string,
): Promise<Doc<"users"> | null> {
  return await ctx.db
    .query("users")
    .withIndex("byExternalId", (q) => q.eq("externalId", externalId))
    .unique();
}

/** Clerk's user JSON as it arrives; only the fields `clerkUserValidator` keeps are typed. */
type ClerkUserJSON = {
  id: string;
  first_name?: string | null;
  last_name?: string | null;
  username?: string | null;
  primary_email_address_id?: string | null;
  email_addresses?: { id: string; email_address: string }[];
};

function pickClerkUser(data: ClerkUserJSON): ClerkUser {
  return {
    id: data.id,
    first_name: data.first_name ?? null,
    last_name: data.last_name ?? null,
    username: data.username ?? null,
    primary_email_address_id: data.primary_email_address_id ?? null,
    email_addresses: (data.email_addresses ?? []).map(
      ({ id, email_address }) => ({ id, email_address }),
    ),
  };
}

async function upsertUser(ctx: ActionCtx, data: unknown): Promise<void> {
  // `data` is signed by Clerk; upsertFromClerk's validator checks the fields we use.
  await ctx.runMutation(internal.users.upsertFromClerk, {
    data: pickClerkUser(data as ClerkUserJSON),
  });
}

async function deleteUser(ctx: ActionCtx, data: unknown): Promise<void> {
  // user.deleted carries a deleted-object stub: { object, id, deleted, external_id? }.
  // `id` is the Clerk user id (our externalId); Clerk's `external_id` is a different field.
  const { id } = data as { id?: string };
  if (id === undefined) {
    console.warn("user.deleted without a user id: ignored");
    return;
  }
  await ctx.runMutation(internal.users.deleteFromClerk, { clerkUserId: id });
}

/** Webhook handlers for Clerk's user events; wired up in clerkEvents.ts. */
export const userEventHandlers = {
  "user.created": upsertUser,
  "user.updated": upsertUser,
  "user.deleted": deleteUser,
};
