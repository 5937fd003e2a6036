import { ConvexError } from "convex/values";
import type { QueryCtx } from "./_generated/server";

/**
 * Who owns the data a signed-in caller works on: the caller (Clerk user id), or with teams the team that is
 * active in the caller's Clerk session (Clerk organization id), with the caller's role in it. Feature code
 * (projects.ts) asks for the owner and never looks at who is calling directly, so it is the same with and
 * without teams.
 */
export type Owner = { kind: "user"; id: string } | { kind: "team"; id: string; role: string };

/** Clerk's role key for a team's admins; admin-only actions check it. */
export const ADMIN_ROLE = "org:admin";

/** The caller's owner, or null when signed out. Without teams, always the caller. */
export async function getOwner(ctx: QueryCtx): Promise<Owner | null> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) return null;
  return { kind: "user", id: identity.subject };
}

/** The caller's owner; throws ConvexError `{ code: "NOT_SIGNED_IN" }` when signed out. */
export async function requireOwner(ctx: QueryCtx): Promise<Owner> {
  const owner = await getOwner(ctx);
  if (owner === null) throw new ConvexError({ code: "NOT_SIGNED_IN" });
  return owner;
}

/** Whether the owner may take admin-only actions: a user on their own data, a team's admins on the team's. */
export function isAdmin(owner: Owner): boolean {
  return owner.kind === "user" || owner.role === ADMIN_ROLE;
}
