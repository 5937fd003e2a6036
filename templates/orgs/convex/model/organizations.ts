import type { UserIdentity } from "convex/server";
import { type Infer, v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import {
  type ClerkEventHandler,
  isNewer,
  type Outcome,
  type OwnerDeletedCleanup,
  type OwnerRef,
} from "./clerkEventHandler";
import { isDeletedUser } from "./users";

/*
 * Clerk organizations ("teams") and memberships, synced by Clerk's organization.* and organizationMembership.*
 * webhooks with the same rules as users: one mutation per event, the newest `updated_at` wins (an equal one is the
 * version stored), and deleted stays deleted (tombstones in deletedOrganizations / deletedMemberships).
 */

/** The caller's membership of a team, from Convex's own tables (server truth), or null. */
export async function membershipOf(
  ctx: QueryCtx,
  orgId: string,
  userId: string,
): Promise<Doc<"memberships"> | null> {
  return await ctx.db
    .query("memberships")
    .withIndex("by_orgId_and_userId", (q) => q.eq("orgId", orgId).eq("userId", userId))
    .unique();
}

/**
 * The active organization in Clerk's session token: `o.id` (session token v2) or `org_id` (v1); undefined when the
 * caller works on their own (no active organization).
 */
export function activeTeamId(identity: UserIdentity): string | undefined {
  const { o, org_id } = identity;
  if (typeof o === "object" && o !== null && !Array.isArray(o) && typeof o.id === "string")
    return o.id;
  return typeof org_id === "string" ? org_id : undefined;
}

export async function organizationById(
  ctx: QueryCtx,
  orgId: string,
): Promise<Doc<"organizations"> | null> {
  return await ctx.db
    .query("organizations")
    .withIndex("by_orgId", (q) => q.eq("orgId", orgId))
    .unique();
}

export async function isDeletedOrganization(ctx: QueryCtx, orgId: string): Promise<boolean> {
  const tombstone = await ctx.db
    .query("deletedOrganizations")
    .withIndex("by_orgId", (q) => q.eq("orgId", orgId))
    .unique();
  return tombstone !== null;
}

async function isDeletedMembership(ctx: QueryCtx, membershipId: string): Promise<boolean> {
  const tombstone = await ctx.db
    .query("deletedMemberships")
    .withIndex("by_membershipId", (q) => q.eq("membershipId", membershipId))
    .unique();
  return tombstone !== null;
}

// Organizations

const organizationValidator = v.object({
  id: v.string(),
  name: v.string(),
  slug: v.optional(v.string()),
  updated_at: v.number(),
});
type OrganizationData = Infer<typeof organizationValidator>;

export async function saveOrganization(ctx: MutationCtx, data: OrganizationData): Promise<Outcome> {
  if (await isDeletedOrganization(ctx, data.id))
    return { outcome: "ignored", reason: "the team was deleted" };
  const existing = await organizationById(ctx, data.id);
  if (existing === null) {
    await ctx.db.insert("organizations", {
      orgId: data.id,
      name: data.name,
      slug: data.slug,
      clerkUpdatedAt: data.updated_at,
    });
    return { outcome: "processed" };
  }
  if (!isNewer(data.updated_at, existing.clerkUpdatedAt)) {
    return { outcome: "ignored", reason: "not newer than the stored team" };
  }
  await ctx.db.patch("organizations", existing._id, {
    name: data.name,
    slug: data.slug,
    clerkUpdatedAt: data.updated_at,
  });
  return { outcome: "processed" };
}

/**
 * organization.deleted: the team's row goes and its id is remembered (organizationEventHandlers then runs the
 * cleanups clerkEvents.ts lists: memberships, projects…).
 */
export async function deleteOrganization(
  ctx: MutationCtx,
  { id }: { id: string },
): Promise<Outcome> {
  if (await isDeletedOrganization(ctx, id))
    return { outcome: "ignored", reason: "the team was deleted already" };
  const existing = await organizationById(ctx, id);
  if (existing !== null) await ctx.db.delete("organizations", existing._id);
  await ctx.db.insert("deletedOrganizations", { orgId: id, deletedAt: Date.now() });
  return { outcome: "processed" };
}

// Memberships

const membershipValidator = v.object({
  id: v.string(),
  organization_id: v.string(),
  user_id: v.string(),
  role: v.string(),
  permissions: v.array(v.string()),
  name: v.string(),
  updated_at: v.number(),
});
type MembershipData = Infer<typeof membershipValidator>;

export async function saveMembership(ctx: MutationCtx, data: MembershipData): Promise<Outcome> {
  if (await isDeletedMembership(ctx, data.id))
    return { outcome: "ignored", reason: "the membership was deleted" };
  if (await isDeletedOrganization(ctx, data.organization_id))
    return { outcome: "ignored", reason: "the team was deleted" };
  if (await isDeletedUser(ctx, data.user_id))
    return { outcome: "ignored", reason: "the user was deleted" };
  const existing = await ctx.db
    .query("memberships")
    .withIndex("by_membershipId", (q) => q.eq("membershipId", data.id))
    .unique();
  const fields = {
    role: data.role,
    permissions: data.permissions,
    name: data.name,
    clerkUpdatedAt: data.updated_at,
  };
  if (existing === null) {
    await ctx.db.insert("memberships", {
      membershipId: data.id,
      orgId: data.organization_id,
      userId: data.user_id,
      ...fields,
    });
    return { outcome: "processed" };
  }
  if (!isNewer(data.updated_at, existing.clerkUpdatedAt)) {
    return { outcome: "ignored", reason: "not newer than the stored membership" };
  }
  await ctx.db.patch("memberships", existing._id, fields);
  return { outcome: "processed" };
}

/** organizationMembership.deleted: Clerk sends the membership as it was, so deletion goes by id, whatever its updated_at. */
export async function deleteMembership(ctx: MutationCtx, { id }: { id: string }): Promise<Outcome> {
  if (await isDeletedMembership(ctx, id))
    return { outcome: "ignored", reason: "the membership was deleted already" };
  const existing = await ctx.db
    .query("memberships")
    .withIndex("by_membershipId", (q) => q.eq("membershipId", id))
    .unique();
  if (existing !== null) await removeMembership(ctx, existing);
  else await ctx.db.insert("deletedMemberships", { membershipId: id, deletedAt: Date.now() });
  return { outcome: "processed" };
}

/** How many memberships one transaction removes; the rest of a cascade runs in scheduled batches of this size. */
export const REMOVE_BATCH = 500;

/**
 * Removes the memberships of a deleted user (and with them the name they showed) or of a deleted team: a first batch
 * in the calling event's mutation, the rest in scheduled batches (internal.organizations.removeMemberships).
 */
export async function removeMembershipsOf(ctx: MutationCtx, owner: OwnerRef): Promise<void> {
  const memberships = await (
    owner.kind === "user"
      ? ctx.db.query("memberships").withIndex("by_userId", (q) => q.eq("userId", owner.id))
      : ctx.db.query("memberships").withIndex("by_orgId_and_userId", (q) => q.eq("orgId", owner.id))
  ).take(REMOVE_BATCH);
  for (const membership of memberships) await removeMembership(ctx, membership);
  if (memberships.length === REMOVE_BATCH) {
    await ctx.scheduler.runAfter(0, internal.organizations.removeMemberships, { owner });
  }
}

/**
 * Removes a user's memberships that Clerk no longer lists (`current`: every membership id Clerk returned for the user),
 * as organizationMembership.deleted would: for a deletion whose webhook was missed.
 */
export async function removeMembershipsMissingFrom(
  ctx: MutationCtx,
  userId: string,
  current: readonly string[],
): Promise<void> {
  const stored = await ctx.db
    .query("memberships")
    .withIndex("by_userId", (q) => q.eq("userId", userId))
    .take(REMOVE_BATCH);
  for (const membership of stored) {
    if (!current.includes(membership.membershipId)) await removeMembership(ctx, membership);
  }
}

async function removeMembership(ctx: MutationCtx, membership: Doc<"memberships">): Promise<void> {
  await ctx.db.delete("memberships", membership._id);
  await ctx.db.insert("deletedMemberships", {
    membershipId: membership.membershipId,
    deletedAt: Date.now(),
  });
}

// Clerk's JSON, as it arrives (per Clerk's webhook spec); only the fields we read are typed.

type ClerkOrganizationJSON = { id: string; name: string; slug?: string | null; updated_at: number };
type ClerkMembershipJSON = {
  id: string;
  role: string;
  // The role's permission keys (custom and Clerk's system ones, "org:sys_…").
  permissions?: string[] | null;
  updated_at: number;
  organization: { id: string };
  public_user_data: {
    user_id: string;
    first_name?: string | null;
    last_name?: string | null;
    identifier?: string | null;
  };
};

/** The name the team page shows: "First Last", else Clerk's identifier (email, phone or username), else "Member". */
export function memberName(user: ClerkMembershipJSON["public_user_data"]): string {
  const full = [user.first_name, user.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
  return full || user.identifier?.trim() || "Member";
}

/** The fields we keep of Clerk's organization JSON (webhook `data`, or the Backend API's object). */
export function pickOrganization(raw: unknown): OrganizationData {
  const org = raw as ClerkOrganizationJSON;
  return { id: org.id, name: org.name, slug: org.slug ?? undefined, updated_at: org.updated_at };
}

/** The fields we keep of Clerk's organization membership JSON (webhook `data`, or the Backend API's object). */
export function pickMembership(raw: unknown): MembershipData {
  const m = raw as ClerkMembershipJSON;
  return {
    id: m.id,
    organization_id: m.organization.id,
    user_id: m.public_user_data.user_id,
    role: m.role,
    permissions: m.permissions ?? [],
    name: memberName(m.public_user_data),
    updated_at: m.updated_at,
  };
}

const organizationSaved: ClerkEventHandler<OrganizationData> = {
  data: organizationValidator,
  parse: pickOrganization,
  apply: saveOrganization,
};

const membershipSaved: ClerkEventHandler<MembershipData> = {
  data: membershipValidator,
  parse: pickMembership,
  apply: saveMembership,
};

const byId = v.object({ id: v.string() });
const pickId = (raw: unknown) => ({ id: (raw as { id: string }).id });

/**
 * Webhook handlers for Clerk's organization events; wired up in clerkEvents.ts, which passes as `cleanups` what else
 * organization.deleted removes (model/owners.ts OwnerDeletedCleanup), run in order in the event's mutation.
 */
export const organizationEventHandlers = (cleanups: readonly OwnerDeletedCleanup[]) => ({
  "organization.created": organizationSaved,
  "organization.updated": organizationSaved,
  "organization.deleted": {
    data: byId,
    parse: pickId,
    apply: async (ctx, data) => {
      const outcome = await deleteOrganization(ctx, data);
      for (const cleanup of cleanups) await cleanup(ctx, { kind: "team", id: data.id });
      return outcome;
    },
  } satisfies ClerkEventHandler<{
    id: string;
  }>,
  "organizationMembership.created": membershipSaved,
  "organizationMembership.updated": membershipSaved,
  "organizationMembership.deleted": {
    data: byId,
    parse: pickId,
    apply: deleteMembership,
  } satisfies ClerkEventHandler<{
    id: string;
  }>,
});
