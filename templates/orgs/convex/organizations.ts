import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { internalMutation, query } from "./_generated/server";
import { ownerRefValidator } from "./model/clerkEventHandler";
import {
  organizationById,
  removeMembershipsMissingFrom,
  removeMembershipsOf,
} from "./model/organizations";
import { can, getOwner } from "./model/owners";

/** The Clerk permission that lets a member manage the team's members (model/owners.ts `can`: admins hold it too). */
export const MANAGE_MEMBERS = "org:members:manage";

/**
 * The active team, for the team page: null without an active team the caller is a member of (in Convex's tables; the
 * UI then asks api.clerkSync.requestSync to fetch the caller's memberships from Clerk).
 */
export const team = query({
  args: {},
  returns: v.union(
    v.null(),
    v.object({ name: v.string(), slug: v.optional(v.string()), canManage: v.boolean() }),
  ),
  handler: async (ctx) => {
    const owner = await getOwner(ctx);
    if (owner?.kind !== "team") return null;
    const organization = await organizationById(ctx, owner.id);
    return {
      name: organization?.name ?? "Your team",
      slug: organization?.slug,
      canManage: can(owner, MANAGE_MEMBERS),
    };
  },
});

/**
 * The active team's members, live, a page at a time: each with its membership's id (`_id`), the member's Clerk user
 * id, name and role. No active team the caller is a member of: an empty, finished page.
 */
export const members = query({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(
    v.object({
      _id: v.id("memberships"),
      userId: v.string(),
      name: v.string(),
      role: v.string(),
      isYou: v.boolean(),
    }),
  ),
  handler: async (ctx, { paginationOpts }) => {
    const owner = await getOwner(ctx);
    const identity = await ctx.auth.getUserIdentity();
    if (owner?.kind !== "team" || identity === null) {
      return { page: [], isDone: true, continueCursor: "" };
    }
    const result = await ctx.db
      .query("memberships")
      .withIndex("by_orgId_and_userId", (q) => q.eq("orgId", owner.id))
      .paginate(paginationOpts);
    return {
      ...result,
      page: result.page.map((m) => ({
        _id: m._id,
        userId: m.userId,
        name: m.name,
        role: m.role,
        isYou: m.userId === identity.subject,
      })),
    };
  },
});

/** The next batch of a deleted user's or team's memberships (model/organizations.ts removeMembershipsOf). */
export const removeMemberships = internalMutation({
  args: { owner: ownerRefValidator },
  returns: v.null(),
  handler: async (ctx, { owner }): Promise<null> => {
    await removeMembershipsOf(ctx, owner);
    return null;
  },
});

/** Removes a user's memberships that Clerk no longer lists (model/syncTeams.ts, after fetching them all). */
export const removeMissingMemberships = internalMutation({
  args: { userId: v.string(), current: v.array(v.string()) },
  returns: v.null(),
  handler: async (ctx, { userId, current }): Promise<null> => {
    await removeMembershipsMissingFrom(ctx, userId, current);
    return null;
  },
});
