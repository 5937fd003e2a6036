// Test helpers of the billing provider seam (see model/billingProvider.ts): put an owner on a plan, or take them
// off it, as Clerk Billing's webhooks would. The two dots in this file's name keep it out of Convex deploys.
import type { MutationCtx } from "../_generated/server";
import type { Owner } from "./owners";
import { saveSubscriptionItem } from "./subscriptionItems";

/** Each call is a newer version of the item, as Clerk's `updated_at` would be. */
let clock = 0;

/** Clerk's subscription item for the owner on the plan: one per owner and plan. */
function item(owner: Owner, plan: string, status: "active" | "ended") {
  return {
    item_id: `csub_item_${owner.id}_${plan}`,
    status,
    is_free_trial: false,
    period_start: 0,
    updated_at: ++clock,
    plan: { id: `cplan_${plan}`, slug: plan, name: plan },
    payer:
      owner.kind === "user"
        ? { id: `cpayer_${owner.id}`, user_id: owner.id }
        : { id: `cpayer_${owner.id}`, organization_id: owner.id },
  };
}

/** Puts the owner on the plan with this slug (subscriptionItem.active). */
export async function startPlan(ctx: MutationCtx, owner: Owner, plan: string): Promise<void> {
  await saveSubscriptionItem(ctx, item(owner, plan, "active"));
}

/** Ends the owner's subscription to the plan (subscriptionItem.ended). */
export async function endPlan(ctx: MutationCtx, owner: Owner, plan: string): Promise<void> {
  await saveSubscriptionItem(ctx, item(owner, plan, "ended"));
}
