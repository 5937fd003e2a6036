/*
 * The billing provider seam: the one module through which the provider-neutral billing code (model/entitlements.ts,
 * subscriptions.ts, and through them pro.ts and the project limit) learns who is on which plan. Every billing
 * provider's adapter layer provides this module, and its test helper model/billingProvider.testing.ts, with the
 * same exports:
 *
 * - `subscriptionsOf(ctx: QueryCtx, owner: Owner): Promise<Subscription[]>`: the owner's current subscriptions
 *   (`Subscription`, model/subscription.ts: plan slug and name, the provider's status, is_free_trial, period_end,
 *   and `grantsPlan`: whether it gives its plan now), in the order the UI lists them. `owner` is a user (Clerk user
 *   id) or, with teams, a team (Clerk organization id); a team's subscriptions are never a user's and the other way
 *   round. Read from the provider's tables in Convex (kept by its webhooks), so it is reactive and works without a
 *   signed-in user.
 * - in model/billingProvider.testing.ts (two dots: not deployed), for the neutral tests:
 *   `startPlan(ctx: MutationCtx, owner: Owner, plan: string)` puts the owner on the plan with that slug, and
 *   `endPlan(ctx, owner, plan)` ends it, each as the provider's own webhook would.
 *
 * This adapter: Clerk Billing. Its subscription items (model/subscriptionItems.ts) grant their plan in the statuses
 * of GRANTING_STATUSES, a past_due one for PAST_DUE_GRACE_MS.
 */
import type { QueryCtx } from "../_generated/server";
import type { Owner } from "./owners";
import type { Subscription } from "./subscription";
import { CURRENT_STATUSES, grantsPlan, itemsOf } from "./subscriptionItems";

/** The owner's subscription items in CURRENT_STATUSES, status by status. */
export async function subscriptionsOf(ctx: QueryCtx, owner: Owner): Promise<Subscription[]> {
  const subscriptions: Subscription[] = [];
  for (const status of CURRENT_STATUSES) {
    for (const item of await itemsOf(ctx, owner, status)) {
      subscriptions.push({
        plan: item.plan && { slug: item.plan.slug, name: item.plan.name },
        status: item.status,
        is_free_trial: item.is_free_trial,
        period_end: item.period_end,
        grantsPlan: grantsPlan(item),
      });
    }
  }
  return subscriptions;
}
