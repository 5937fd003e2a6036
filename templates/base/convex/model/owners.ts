import type { QueryCtx } from "../_generated/server";
import type { OwnerRef } from "./clerkEventHandler";
import { type AppErrorData, appError } from "./errors";
import { isDeletedUser } from "./users";

/**
 * Who owns the data a signed-in caller works on: the caller (Clerk user id), or with teams the team that is
 * active in the caller's Clerk session (Clerk organization id), with the caller's role and permissions in it. Feature
 * code (projects.ts) asks for the owner and never looks at who is calling directly, so it is the same with and
 * without teams.
 */
export type Owner =
  { kind: "user"; id: string } | { kind: "team"; id: string; role: string; permissions: string[] };

/** Clerk's role key for a team's admins: they hold every permission `can` checks. */
export const ADMIN_ROLE = "org:admin";

/** Whether Clerk deleted this owner (a tombstone was written): late events about it are ignored. */
export async function isDeletedOwner(ctx: QueryCtx, owner: OwnerRef): Promise<boolean> {
  if (owner.kind === "user") return await isDeletedUser(ctx, owner.id);
  // @slot deletedTeam
  return false;
}

/** The caller's owner, or why there is none (`NOT_SIGNED_IN` when signed out): the error requireOwner throws. */
async function findOwner(ctx: QueryCtx): Promise<{ owner: Owner } | { refusal: AppErrorData }> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) return { refusal: { code: "NOT_SIGNED_IN" } };
  // @slot owner
  return { owner: { kind: "user", id: identity.subject } };
}

/** The caller's owner, or null where requireOwner refuses (signed out). */
export async function getOwner(ctx: QueryCtx): Promise<Owner | null> {
  const found = await findOwner(ctx);
  return "owner" in found ? found.owner : null;
}

/** The caller's owner; else throws the app error that says why (`{ code: "NOT_SIGNED_IN" }`). */
export async function requireOwner(ctx: QueryCtx): Promise<Owner> {
  const found = await findOwner(ctx);
  if ("refusal" in found) throw appError(found.refusal);
  return found.owner;
}

/**
 * Whether the owner may do what `permission` (a Clerk permission key, e.g. "org:projects:delete") allows: a user on
 * their own data always; a team member when their membership lists the permission (any role given it in the Clerk
 * Dashboard, custom ones included) or when they are an admin (ADMIN_ROLE), so a new team works before any
 * permission is set up.
 */
export function can(owner: Owner, permission: string): boolean {
  return (
    owner.kind === "user" || owner.role === ADMIN_ROLE || owner.permissions.includes(permission)
  );
}
