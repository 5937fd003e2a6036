import type { UserIdentity } from "convex/server";
import { ConvexError } from "convex/values";
import type { QueryCtx } from "./_generated/server";
import { membershipOf } from "./organizations";

/**
 * Who owns the data a signed-in caller works on: the team that is active in the caller's Clerk session, else the
 * caller. The team comes from Clerk's signed session token, and the caller's membership and role from Convex's own
 * memberships table (kept by Clerk's webhooks): no id or role sent by a client is trusted. Feature code
 * (projects.ts) asks for the owner and never looks at who is calling directly.
 */
export type Owner = { kind: "user"; id: string } | { kind: "team"; id: string; role: string };

/** Clerk's role key for a team's admins; admin-only actions check it. */
export const ADMIN_ROLE = "org:admin";

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

/**
 * The caller's owner, or null when signed out, or when a team is active but Convex has no membership of the caller
 * in it (not a member, or its organizationMembership webhook has not arrived yet).
 */
export async function getOwner(ctx: QueryCtx): Promise<Owner | null> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) return null;
  const teamId = activeTeamId(identity);
  if (teamId === undefined) return { kind: "user", id: identity.subject };
  const membership = await membershipOf(ctx, teamId, identity.subject);
  return membership === null ? null : { kind: "team", id: teamId, role: membership.role };
}

/** The caller's owner; throws ConvexError `NOT_SIGNED_IN`, or `NOT_A_MEMBER` for an active team without membership. */
export async function requireOwner(ctx: QueryCtx): Promise<Owner> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) throw new ConvexError({ code: "NOT_SIGNED_IN" });
  const owner = await getOwner(ctx);
  if (owner === null)
    throw new ConvexError({ code: "NOT_A_MEMBER", team: activeTeamId(identity) ?? null });
  return owner;
}

/** Whether the owner may take admin-only actions: a user on their own data, a team's admins on the team's. */
export function isAdmin(owner: Owner): boolean {
  return owner.kind === "user" || owner.role === ADMIN_ROLE;
}
