// Test helpers of the billing provider seam (see model/billingProvider.ts): put an owner on a plan, or take them
// off it, as Polar's webhooks would. The two dots in this file's name keep it out of Convex deploys.
import { components } from "../_generated/api";
import type { MutationCtx } from "../_generated/server";
import type { Owner } from "./owners";
import { productIdsOf } from "./polarProducts";
import type { StoredSubscription } from "./polarSubscriptions";

/** Each call is a newer version of the subscription, as Polar's `modified_at` would be. */
let clock = Date.UTC(2026, 0, 1);

/** The owner's Polar subscription to the first product that sells the plan: one per owner and plan. */
function subscription(owner: Owner, plan: string, status: "active" | "canceled") {
  // A plan no product sells (POLAR_PRO_PRODUCT_IDS in vitest.config.ts) gets a product of its own, which grants nothing.
  const productId = productIdsOf(plan)[0] ?? `prod_unlisted_${plan}`;
  const now = new Date(++clock).toISOString();
  return {
    id: `sub_${owner.id}_${plan}`,
    customerId: `cus_${owner.id}`,
    createdAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    modifiedAt: now,
    amount: 1000,
    currency: "usd",
    recurringInterval: "month",
    status,
    currentPeriodStart: now,
    currentPeriodEnd: new Date(Date.UTC(2126, 0, 1)).toISOString(),
    cancelAtPeriodEnd: false,
    startedAt: now,
    endedAt: status === "canceled" ? now : null,
    productId,
    checkoutId: null,
    metadata: {},
  } satisfies StoredSubscription;
}

async function save(ctx: MutationCtx, owner: Owner, stored: StoredSubscription) {
  await ctx.runMutation(components.polar.lib.insertCustomer, {
    id: stored.customerId,
    userId: owner.id,
  });
  await ctx.runMutation(components.polar.lib.updateSubscription, { subscription: stored });
}

/** Puts the owner on the plan with this slug (subscription.active). */
export async function startPlan(ctx: MutationCtx, owner: Owner, plan: string): Promise<void> {
  await save(ctx, owner, subscription(owner, plan, "active"));
}

/** Ends the owner's subscription to the plan (subscription.revoked). */
export async function endPlan(ctx: MutationCtx, owner: Owner, plan: string): Promise<void> {
  await save(ctx, owner, subscription(owner, plan, "canceled"));
}
