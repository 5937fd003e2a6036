import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { internalMutation, mutation, query } from "./_generated/server";
import { appError } from "./model/errors";
import { projectLimit } from "./model/limits";
import { can, getOwner, requireOwner } from "./model/owners";
import {
  countUpTo,
  DELETE_PROJECTS,
  deleteProjectsOf,
  MAX_COUNTED,
  ownedProject,
  validName,
} from "./model/projects";

/*
 * The example feature: projects that belong to an owner (the signed-in user, or with teams the active team;
 * see model/owners.ts). Every function finds the owner on the server; a project id from the client only ever
 * reaches a project of that owner.
 */

const projectView = v.object({
  _id: v.id("projects"),
  _creationTime: v.number(),
  name: v.string(),
});

/** The owner's projects, newest first. No owner (signed out, or not a member of the active team): an empty, finished page. */
export const list = query({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(projectView),
  handler: async (ctx, { paginationOpts }) => {
    const owner = await getOwner(ctx);
    if (owner === null) return { page: [], isDone: true, continueCursor: "" };
    const result = await ctx.db
      .query("projects")
      .withIndex("by_ownerId", (q) => q.eq("ownerId", owner.id))
      .order("desc")
      .paginate(paginationOpts);
    return {
      ...result,
      page: result.page.map(({ _id, _creationTime, name }) => ({ _id, _creationTime, name })),
    };
  },
});

/**
 * How many projects the owner has (`capped`: more than `count`, which stops at MAX_COUNTED) and may have (limit
 * null: no limit), for the UI. null when signed out.
 */
export const usage = query({
  args: {},
  returns: v.union(
    v.null(),
    v.object({
      count: v.number(),
      capped: v.boolean(),
      limit: v.union(v.number(), v.null()),
      canDelete: v.boolean(),
    }),
  ),
  handler: async (ctx) => {
    const owner = await getOwner(ctx);
    if (owner === null) return null;
    const limit = await projectLimit(ctx, owner);
    const { count, capped } = await countUpTo(ctx, owner, MAX_COUNTED);
    return { count, capped, limit, canDelete: can(owner, DELETE_PROJECTS) };
  },
});

export const create = mutation({
  args: { name: v.string() },
  returns: v.id("projects"),
  handler: async (ctx, args) => {
    const owner = await requireOwner(ctx);
    const name = validName(args.name);
    const limit = await projectLimit(ctx, owner);
    if (limit !== null && (await countUpTo(ctx, owner, limit)).count >= limit) {
      throw appError({ code: "PROJECT_LIMIT", limit });
    }
    const identity = await ctx.auth.getUserIdentity();
    return await ctx.db.insert("projects", {
      ownerId: owner.id,
      name,
      createdBy: identity!.subject,
    });
  },
});

export const rename = mutation({
  args: { projectId: v.id("projects"), name: v.string() },
  returns: v.null(),
  handler: async (ctx, { projectId, name }) => {
    const owner = await requireOwner(ctx);
    await ownedProject(ctx, owner, projectId);
    await ctx.db.patch("projects", projectId, { name: validName(name) });
    return null;
  },
});

/**
 * A user deletes their own projects; in a team, members with the DELETE_PROJECTS permission or the admin role do
 * (`FORBIDDEN` for the others).
 */
export const remove = mutation({
  args: { projectId: v.id("projects") },
  returns: v.null(),
  handler: async (ctx, { projectId }) => {
    const owner = await requireOwner(ctx);
    await ownedProject(ctx, owner, projectId);
    if (!can(owner, DELETE_PROJECTS))
      throw appError({ code: "FORBIDDEN", permission: DELETE_PROJECTS });
    await ctx.db.delete("projects", projectId);
    return null;
  },
});

/** The next batch of a deleted owner's projects (model/projects.ts deleteProjectsOf schedules it while more remain). */
export const deleteAllOf = internalMutation({
  args: { ownerId: v.string() },
  returns: v.null(),
  handler: async (ctx, { ownerId }): Promise<null> => {
    await deleteProjectsOf(ctx, ownerId);
    return null;
  },
});
