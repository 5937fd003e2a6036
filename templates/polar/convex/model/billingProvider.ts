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
 * This adapter: Polar. The Polar component keeps each Polar customer's subscriptions; a customer is linked to its
 * owner by the Clerk id it was created with (its `external_id`, set by the checkout in polar.ts). Which statuses grant
 * a plan: model/polarSubscriptions.ts.
 */
import { components } from "../_generated/api";
import type { QueryCtx } from "../_generated/server";
import type { Owner } from "./owners";
import { planOfProduct } from "./polarProducts";
import { grantsPlan } from "./polarSubscriptions";
import type { Subscription } from "./subscription";

/** The owner's subscriptions that have not ended, oldest first. */
export async function subscriptionsOf(ctx: QueryCtx, owner: Owner): Promise<Subscription[]> {
  // The component's query reads the one customer linked to this id, and that customer's subscriptions.
  const subscriptions = await ctx.runQuery(components.polar.lib.listUserSubscriptions, {
    userId: owner.id,
  });
  const now = Date.now();
  return (
    subscriptions
      // A customer can be linked to two owners (ownerIdOf in polarWebhook.ts, which stores the owner in the metadata):
      // each sees what was bought for it.
      .filter(
        ({ metadata }) => typeof metadata.ownerId !== "string" || metadata.ownerId === owner.id,
      )
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
      .map((subscription) => {
        const slug = planOfProduct(subscription.productId);
        // Canceled at the period end, Polar keeps it active until `ends_at`: the UI says it ends then, as with
        // Clerk's canceled items.
        const ending = subscription.status === "active" && subscription.endsAt != null;
        const periodEnd =
          (ending ? subscription.endsAt : subscription.currentPeriodEnd) ?? undefined;
        return {
          plan: slug === undefined ? undefined : { slug, name: subscription.product?.name ?? slug },
          status: ending ? "canceled" : subscription.status,
          is_free_trial: subscription.status === "trialing",
          period_end: periodEnd === undefined ? undefined : Date.parse(periodEnd),
          grantsPlan: slug !== undefined && grantsPlan(subscription, now),
        };
      })
  );
}
