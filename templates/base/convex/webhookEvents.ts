import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc } from "./_generated/dataModel";
import { internalMutation, type MutationCtx } from "./_generated/server";
import { applyEvent, handledEventValidator } from "./clerkEvents";
import { outcomeValidator } from "./model/clerkEventHandler";

/**
 * Applies one verified delivery, once. A delivery already processed or ignored (a redelivery of the same
 * svix-id) changes nothing; a delivery that failed before is tried again. The log entry is written in the
 * same transaction as the event's own writes.
 */
export const applyClerkEvent = internalMutation({
  args: { svixId: v.string(), event: handledEventValidator },
  returns: v.union(outcomeValidator, v.object({ outcome: v.literal("duplicate") })),
  handler: async (ctx, { svixId, event }) => {
    const logged = await loggedDelivery(ctx, svixId);
    if (logged !== null && logged.outcome !== "failed") {
      await ctx.db.patch("webhookEvents", logged._id, {
        attempts: logged.attempts + 1,
      });
      return { outcome: "duplicate" as const };
    }
    const result = await applyEvent(ctx, event);
    await log(ctx, logged, {
      svixId,
      type: event.type,
      outcome: result.outcome,
      detail: result.outcome === "ignored" ? result.reason : undefined,
    });
    return result;
  },
});

/** Logs a delivery that applyClerkEvent did not apply: an event type we do not handle, or a failure. */
export const recordDelivery = internalMutation({
  args: {
    svixId: v.string(),
    type: v.string(),
    outcome: v.union(v.literal("ignored"), v.literal("failed")),
    detail: v.string(),
  },
  returns: v.null(),
  handler: async (ctx, { svixId, type, outcome, detail }) => {
    const logged = await loggedDelivery(ctx, svixId);
    if (logged?.outcome === "processed") {
      // A concurrent retry of this delivery got through: keep that.
      await ctx.db.patch("webhookEvents", logged._id, {
        attempts: logged.attempts + 1,
      });
      return null;
    }
    await log(ctx, logged, { svixId, type, outcome, detail });
    return null;
  },
});

/** How long the log keeps a delivery. */
export const WEBHOOK_EVENTS_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
const PRUNE_BATCH = 500;

/** Deletes log entries older than 30 days, a batch per transaction (crons.ts runs it daily). */
export const prune = internalMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    const cutoff = Date.now() - WEBHOOK_EVENTS_RETENTION_MS;
    const old = await ctx.db
      .query("webhookEvents")
      .withIndex("by_creation_time", (q) => q.lt("_creationTime", cutoff))
      .take(PRUNE_BATCH);
    await Promise.all(old.map((entry) => ctx.db.delete("webhookEvents", entry._id)));
    if (old.length === PRUNE_BATCH) {
      await ctx.scheduler.runAfter(0, internal.webhookEvents.prune, {});
    }
    return null;
  },
});

async function loggedDelivery(
  ctx: MutationCtx,
  svixId: string,
): Promise<Doc<"webhookEvents"> | null> {
  return await ctx.db
    .query("webhookEvents")
    .withIndex("by_svixId", (q) => q.eq("svixId", svixId))
    .unique();
}

async function log(
  ctx: MutationCtx,
  logged: Doc<"webhookEvents"> | null,
  entry: Pick<Doc<"webhookEvents">, "svixId" | "type" | "outcome" | "detail">,
): Promise<void> {
  if (logged === null) {
    await ctx.db.insert("webhookEvents", { ...entry, attempts: 1 });
  } else {
    await ctx.db.patch("webhookEvents", logged._id, {
      ...entry,
      attempts: logged.attempts + 1,
    });
  }
}
