import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { appError } from "./errors";
import type { Owner } from "./owners";

export const MAX_NAME_LENGTH = 80;

/** The Clerk permission a team member needs to delete the team's projects (model/owners.ts `can`). */
export const DELETE_PROJECTS = "org:projects:delete";

/** How many projects one transaction deletes; the rest of a cascade runs in scheduled batches of this size. */
export const DELETE_BATCH = 500;

/** The most projects the UI counts: past it, the count shows as "1000+". */
export const MAX_COUNTED = 1000;

/** The name trimmed; `INVALID_NAME` unless it has 1 to MAX_NAME_LENGTH characters. */
export function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME_LENGTH) {
    throw appError({ code: "INVALID_NAME", maxLength: MAX_NAME_LENGTH });
  }
  return trimmed;
}

/** The project if it belongs to the owner; `NOT_FOUND` otherwise, so other owners' ids reveal nothing. */
export async function ownedProject(
  ctx: QueryCtx,
  owner: Owner,
  projectId: Id<"projects">,
): Promise<Doc<"projects">> {
  const project = await ctx.db.get("projects", projectId);
  if (project === null || project.ownerId !== owner.id) throw appError({ code: "NOT_FOUND" });
  return project;
}

/**
 * The owner's project count, reading at most `max` + 1 projects: `capped` when there are more than `max` (the count
 * is then `max`), so no query or mutation reads more than that, however many projects an owner has.
 */
export async function countUpTo(
  ctx: QueryCtx,
  owner: Owner,
  max: number,
): Promise<{ count: number; capped: boolean }> {
  const projects = await ctx.db
    .query("projects")
    .withIndex("by_ownerId", (q) => q.eq("ownerId", owner.id))
    .take(max + 1);
  return { count: Math.min(projects.length, max), capped: projects.length > max };
}

/**
 * Deletes every project of an owner (a deleted user's or team's): a first batch in the calling event's mutation,
 * the rest in scheduled batches (internal.projects.deleteAllOf), so no transaction grows with the owner's data.
 */
export async function deleteProjectsOf(ctx: MutationCtx, ownerId: string): Promise<void> {
  const projects = await ctx.db
    .query("projects")
    .withIndex("by_ownerId", (q) => q.eq("ownerId", ownerId))
    .take(DELETE_BATCH);
  for (const project of projects) await ctx.db.delete("projects", project._id);
  if (projects.length === DELETE_BATCH) {
    await ctx.scheduler.runAfter(0, internal.projects.deleteAllOf, { ownerId });
  }
}
