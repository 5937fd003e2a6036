import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import { paymentAttemptFields } from "./paymentAttemptTypes";

export default defineSchema({
  // One row per Clerk user, kept in sync by the Clerk webhook (see http.ts).
  users: defineTable({
    name: v.string(),
    // Clerk's user id ("user_..."), which is also the `subject` of the user's JWT.
    externalId: v.string(),
  }).index("byExternalId", ["externalId"]),

  // One row per Clerk Billing payment, at its latest known attempt (paymentAttempt.* webhooks).
  paymentAttempts: defineTable({
    ...paymentAttemptFields,
    // Our users row for payer.user_id, when we have it. Payments can arrive before
    // user.created, so lists key on payer.user_id (the Clerk id), not on this.
    userId: v.optional(v.id("users")),
  })
    .index("byPaymentId", ["payment_id"])
    .index("byUserId", ["userId"])
    // created_at as the second field lets a payer's history be read newest first.
    .index("byPayerUserId", ["payer.user_id", "created_at"]),
});
