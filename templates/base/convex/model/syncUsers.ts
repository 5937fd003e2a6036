import { internal } from "../_generated/api";
import type { ActionCtx, MutationCtx } from "../_generated/server";
import type { OwnerRef } from "./clerkEventHandler";
import { clerkGet } from "./clerkApi";
import { pickClerkUser } from "./users";

/**
 * Fetches a user from Clerk (GET /users/{id}) and applies it as user.updated would: the newer version wins. A user
 * Clerk does not know (404) is left as it is: only user.deleted deletes.
 */
export async function syncUser(ctx: ActionCtx, owner: OwnerRef): Promise<void> {
  if (owner.kind !== "user") return;
  const user = await clerkGet(`/users/${encodeURIComponent(owner.id)}`);
  if (!user) return;
  await ctx.runMutation(internal.clerkSync.apply, {
    events: [{ type: "user.updated", data: pickClerkUser(user) }],
  });
}

/** A page of Clerk user ids for the backfill (GET /users, newest first, after the `cursor` user). */
export async function listUserIds(
  cursor: string | undefined,
  limit: number,
): Promise<{ ids: string[]; next?: string } | undefined> {
  const users = await clerkGet<{ id: string }[]>(
    "/users",
    cursor === undefined ? { limit } : { limit, starting_after: cursor },
  );
  if (!users) return undefined;
  const ids = users.map((user) => user.id);
  return { ids, next: ids.length === limit ? ids.at(-1) : undefined };
}

/** user.deleted's cleanup: when the user last asked for a sync (clerkSync.ts requestSync). */
export async function forgetSyncRequests(ctx: MutationCtx, owner: OwnerRef): Promise<void> {
  if (owner.kind !== "user") return;
  const request = await ctx.db
    .query("clerkSyncRequests")
    .withIndex("by_userId", (q) => q.eq("userId", owner.id))
    .unique();
  if (request !== null) await ctx.db.delete("clerkSyncRequests", request._id);
}
