import { type Infer, v } from "convex/values";

/** One of an owner's subscriptions as the UI shows it (the items of `api.subscriptions.current`). */
export const subscriptionView = v.object({
  // Absent when the plan no longer exists at the provider.
  plan: v.optional(v.object({ slug: v.string(), name: v.string() })),
  // The provider's status, e.g. "active", "past_due", "canceled", "upcoming".
  status: v.string(),
  is_free_trial: v.boolean(),
  // ms; absent when the subscription has no end (a free plan).
  period_end: v.optional(v.number()),
});

/**
 * One of an owner's current subscriptions, as the billing provider (model/billingProvider.ts) reports it: what the UI
 * shows, and whether it grants its plan now.
 */
export type Subscription = Infer<typeof subscriptionView> & { grantsPlan: boolean };
