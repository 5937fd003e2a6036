import { defineTable } from "convex/server";
import { paymentAttemptFields } from "./paymentAttemptTypes";
import { subscriptionItemFields, subscriptionItemGraceFields } from "./subscriptionItemTypes";

/** Clerk Billing's tables. schema.ts spreads them. */
export const paymentTables = {
  // One row per Clerk Billing payment, at its latest known attempt (paymentAttempt.* webhooks).
  // Payments can arrive before user.created, so a payer's history keys on Clerk's ids: payer.user_id for a user,
  // payer.organization_id for a team.
  paymentAttempts: defineTable(paymentAttemptFields)
    .index("by_payment_id", ["payment_id"])
    .index("by_payer_user_id_and_created_at", ["payer.user_id", "created_at"])
    .index("by_payer_organization_id_and_created_at", ["payer.organization_id", "created_at"]),

  // One row per Clerk Billing subscription item (subscription.* and subscriptionItem.* webhooks):
  // what model/billingProvider.ts reads to tell who is on which plan, a user or (with teams) an organization.
  subscriptionItems: defineTable({ ...subscriptionItemFields, ...subscriptionItemGraceFields })
    .index("by_item_id", ["item_id"])
    .index("by_payer_user_id_and_status", ["payer.user_id", "status"])
    .index("by_payer_organization_id_and_status", ["payer.organization_id", "status"]),
};
