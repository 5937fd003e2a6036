import { v } from "convex/values";
import { internalMutation, query } from "./_generated/server";
import { organizationById, removeMembershipsOf } from "./model/organizations";
import { getOwner } from "./model/owners";

/** The active team's members, live, for the team page. null without an active team the caller is a member of. */
export const members = query({
  args: {},
  returns: v.union(
    v.null(),
    v.object({
      team: v.object({ name: v.string(), slug: v.optional(v.string()) }),
      members: v.array(v.object({ name: v.string(), role: v.string(), isYou: v.boolean() })),
    }),
  ),
  handler: async (ctx) => {
    const owner = await getOwner(ctx);
    const identity = await ctx.auth.getUserIdentity();
    if (owner?.kind !== "team" || identity === null) return null;
    const organization = await organizationById(ctx, owner.id);
    const rows = await ctx.db
      .query("memberships")
      .withIndex("by_orgId_and_userId", (q) => q.eq("orgId", owner.id))
      .take(200);
    return {
      team: { name: organization?.name ?? "Your team", slug: organization?.slug },
      members: rows.map((m) => ({
        name: m.name,
        role: m.role,
        isYou: m.userId === identity.subject,
      })),
    };
  },
});

/** The next batch of a deleted user's or team's memberships (model/organizations.ts removeMembershipsOf). */
export const removeMemberships = internalMutation({
  args: { of: v.union(v.object({ userId: v.string() }), v.object({ orgId: v.string() })) },
  returns: v.null(),
  handler: async (ctx, { of }): Promise<null> => {
    await removeMembershipsOf(ctx, of);
    return null;
  },
});
