import { ConvexError } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import type { Owner } from "./owners";

export const MAX_NAME_LENGTH = 80;

/** The name trimmed; `INVALID_NAME` unless it has 1 to MAX_NAME_LENGTH characters. */
export function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME_LENGTH) {
    throw new ConvexError({ code: "INVALID_NAME", maxLength: MAX_NAME_LENGTH });
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
  if (project === null || project.ownerId !== owner.id)
    throw new ConvexError({ code: "NOT_FOUND" });
  return project;
}

/** The owner's project count, read only as far as the limit needs (all of them when there is no limit). */
export async function countUpTo(
  ctx: QueryCtx,
  owner: Owner,
  limit: number | null,
): Promise<number> {
  const projects = ctx.db
    .query("projects")
    .withIndex("by_ownerId", (q) => q.eq("ownerId", owner.id));
  return (limit === null ? await projects.collect() : await projects.take(limit)).length;
}

/** Deletes every project of an owner (a deleted user's or team's), in the calling event's mutation. */
export async function deleteProjectsOf(ctx: MutationCtx, ownerId: string): Promise<void> {
  const projects = await ctx.db
    .query("projects")
    .withIndex("by_ownerId", (q) => q.eq("ownerId", ownerId))
    .collect();
  await Promise.all(projects.map((project) => ctx.db.delete("projects", project._id)));
}
