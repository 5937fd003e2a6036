import type { UserIdentity } from "convex/server";
import { type Infer, v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import {
  type ClerkEventHandler,
  isNewer,
  type Outcome,
  type OwnerDeletedCleanup,
} from "./clerkEventHandler";
import { appError } from "./errors";

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
  email_addresses: v.array(v.object({ id: v.string(), email_address: v.string() })),
  updated_at: v.number(), // ms
});
export type ClerkUser = Infer<typeof clerkUserValidator>;

/**
 * Applies user.created / user.updated. Clerk does not promise ordered delivery, so an event is applied only if
 * its `updated_at` is newer than the stored one (an equal one is the version we have), and never for a user
 * whose user.deleted we applied.
 */
export async function upsertUser(ctx: MutationCtx, data: ClerkUser): Promise<Outcome> {
  if (await isDeletedUser(ctx, data.id)) {
    return { outcome: "ignored", reason: "the user was deleted" };
  }
  const name = displayName(data);
  const user = await userByExternalId(ctx, data.id);
  if (user === null) {
    await ctx.db.insert("users", {
      name,
      externalId: data.id,
      clerkUpdatedAt: data.updated_at,
    });
    return { outcome: "processed" };
  }
  if (!isNewer(data.updated_at, user.clerkUpdatedAt)) {
    return {
      outcome: "ignored",
      reason:
        data.updated_at < user.clerkUpdatedAt
          ? "older than the stored user"
          : "this version is stored already",
    };
  }
  await ctx.db.patch("users", user._id, {
    name,
    clerkUpdatedAt: data.updated_at,
  });
  return { outcome: "processed" };
}

/**
 * Applies user.deleted: removes the users row and remembers the id, so that late user.* events are ignored
 * (userEventHandlers then runs the cleanups that clerkEvents.ts lists).
 */
export async function deleteUser(ctx: MutationCtx, { id }: { id: string }): Promise<Outcome> {
  if (await isDeletedUser(ctx, id)) {
    return { outcome: "ignored", reason: "the user was deleted already" };
  }
  const user = await userByExternalId(ctx, id);
  if (user !== null) {
    await ctx.db.delete("users", user._id);
  }
  await ctx.db.insert("deletedUsers", { externalId: id, deletedAt: Date.now() });
  return { outcome: "processed" };
}

/**
 * Creates the signed-in user's row from their session when Clerk's user.created has not arrived yet (or cannot: in
 * development Clerk cannot reach a local deployment). Its clerkUpdatedAt is 0, so any version from Clerk (webhook or
 * reconciliation) replaces it. Nothing for a user whose user.deleted was applied.
 */
export async function createUserFromSession(
  ctx: MutationCtx,
  identity: UserIdentity,
): Promise<void> {
  if ((await userByExternalId(ctx, identity.subject)) !== null) return;
  if (await isDeletedUser(ctx, identity.subject)) return;
  const name =
    identity.name?.trim() || identity.nickname?.trim() || identity.email?.trim() || "Anonymous";
  await ctx.db.insert("users", { name, externalId: identity.subject, clerkUpdatedAt: 0 });
}

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

export async function getCurrentUser(ctx: QueryCtx): Promise<Doc<"users"> | null> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) return null;
  // With Clerk, the JWT subject is the Clerk user id.
  return await userByExternalId(ctx, identity.subject);
}

/**
 * The signed-in user's row. Throws a ConvexError (whose data reaches the client, unlike a plain Error's
 * message in production): `NOT_SIGNED_IN`, or `USER_NOT_SYNCED` before Clerk's webhook created the user.
 */
export async function getCurrentUserOrThrow(ctx: QueryCtx): Promise<Doc<"users">> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) {
    throw appError({ code: "NOT_SIGNED_IN" });
  }
  const user = await userByExternalId(ctx, identity.subject);
  if (user === null) {
    throw appError({ code: "USER_NOT_SYNCED" });
  }
  return user;
}

export async function userByExternalId(
  ctx: QueryCtx,
  externalId: string,
): Promise<Doc<"users"> | null> {
  return await ctx.db
    .query("users")
    .withIndex("by_externalId", (q) => q.eq("externalId", externalId))
    .unique();
}

/** Whether user.deleted was applied for this Clerk user id. */
export async function isDeletedUser(ctx: QueryCtx, externalId: string): Promise<boolean> {
  const tombstone = await ctx.db
    .query("deletedUsers")
    .withIndex("by_externalId", (q) => q.eq("externalId", externalId))
    .unique();
  return tombstone !== null;
}

/** Clerk's user JSON as it arrives; only the fields `clerkUserValidator` keeps are typed. */
type ClerkUserJSON = {
  id: string;
  first_name?: string | null;
  last_name?: string | null;
  username?: string | null;
  primary_email_address_id?: string | null;
  email_addresses?: { id: string; email_address: string }[];
  updated_at: number;
};

export function pickClerkUser(raw: unknown): ClerkUser {
  // Signed by Clerk; the mutation's validator checks the fields we keep.
  const data = raw as ClerkUserJSON;
  return {
    id: data.id,
    first_name: data.first_name ?? null,
    last_name: data.last_name ?? null,
    username: data.username ?? null,
    primary_email_address_id: data.primary_email_address_id ?? null,
    email_addresses: (data.email_addresses ?? []).map(({ id, email_address }) => ({
      id,
      email_address,
    })),
    updated_at: data.updated_at,
  };
}

const deletedUserValidator = v.object({ id: v.string() });

// user.deleted carries a deleted-object stub: { object, id, deleted, external_id? }.
// `id` is the Clerk user id (our externalId); Clerk's `external_id` is a different field.
function pickDeletedUser(raw: unknown): { id: string } {
  return { id: (raw as { id: string }).id };
}

const userUpserted: ClerkEventHandler<ClerkUser> = {
  data: clerkUserValidator,
  parse: pickClerkUser,
  apply: upsertUser,
};

/**
 * Webhook handlers for Clerk's user events; wired up in clerkEvents.ts, which passes as `cleanups` what else
 * user.deleted removes (model/owners.ts OwnerDeletedCleanup). They run in order after the user's row is deleted, in
 * the same mutation, also for a user.deleted whose user was deleted already.
 */
export function userEventHandlers(cleanups: readonly OwnerDeletedCleanup[]) {
  const userDeleted: ClerkEventHandler<{ id: string }> = {
    data: deletedUserValidator,
    parse: pickDeletedUser,
    apply: async (ctx, data) => {
      const outcome = await deleteUser(ctx, data);
      for (const cleanup of cleanups) await cleanup(ctx, { kind: "user", id: data.id });
      return outcome;
    },
  };
  return {
    "user.created": userUpserted,
    "user.updated": userUpserted,
    "user.deleted": userDeleted,
  };
}
