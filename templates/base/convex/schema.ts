import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

export default defineSchema({
  // One row per Clerk user, kept in sync by the Clerk webhook (see http.ts).
  users: defineTable({
    name: v.string(),
    // Clerk's user id ("user_..."), which is also the `subject` of the user's JWT.
    externalId: v.string(),
  }).index("byExternalId", ["externalId"]),
});
