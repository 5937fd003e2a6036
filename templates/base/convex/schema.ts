import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

// The starter's tables, then each feature's, spread from its module in model/.
export default defineSchema({
  // One row per live Clerk user, kept in sync by the Clerk webhook (see http.ts).
  users: defineTable({
    name: v.string(),
    // Clerk's user id ("user_..."), which is also the `subject` of the user's JWT.
    externalId: v.string(),
    // Clerk's `updated_at` (ms) of the version stored here: older deliveries are ignored.
    clerkUpdatedAt: v.number(),
  }).index("by_externalId", ["externalId"]),

  // Clerk user ids whose user.deleted was applied. Clerk never reuses a user id, so a later user.* event for one
  // of these is a late delivery and is ignored. Kept outside `users`, so a `users` row always means a live user.
  deletedUsers: defineTable({
    externalId: v.string(),
    deletedAt: v.number(),
  }).index("by_externalId", ["externalId"]),

  // The example feature (projects.ts): a project belongs to its owner (model/owners.ts), a Clerk user id or, with
  // teams, a Clerk organization id. `createdBy` is the Clerk user id of whoever created it.
  projects: defineTable({
    ownerId: v.string(),
    name: v.string(),
    createdBy: v.string(),
  }).index("by_ownerId", ["ownerId"]),

  // When each user last asked for a sync with Clerk (clerkSync.ts requestSync): at most one per SYNC_INTERVAL_MS.
  clerkSyncRequests: defineTable({
    userId: v.string(),
    requestedAt: v.number(),
  }).index("by_userId", ["userId"]),

  // One row per verified webhook delivery, keyed by its svix-id (Svix keeps the id across retries).
  // `_creationTime` is when it was first received; crons.ts deletes rows older than 30 days.
  // No payload is stored: `detail` says why an event was ignored, or holds the error of a failed attempt.
  webhookEvents: defineTable({
    svixId: v.string(),
    type: v.string(),
    outcome: v.union(v.literal("processed"), v.literal("ignored"), v.literal("failed")),
    detail: v.optional(v.string()),
    attempts: v.number(),
  }).index("by_svixId", ["svixId"]),

  // @slot tables
});
