import { v } from "convex/values";
import { query } from "./_generated/server";
import { subscriptionsOf } from "./model/billingProvider";
import { grantedPlans } from "./model/entitlements";
import { getOwner } from "./model/owners";
import { subscriptionView } from "./model/subscription";

/**
 * The owner's plans, for the UI (model/owners.ts: the signed-in user, or with teams the active team): `activePlans`
 * (slugs, from the same check as `hasPlan`) and the current subscriptions. null when signed out.
 */
export const current = query({
  args: {},
  returns: v.union(
    v.null(),
    v.object({ activePlans: v.array(v.string()), items: v.array(subscriptionView) }),
  ),
  handler: async (ctx) => {
    const owner = await getOwner(ctx);
    if (owner === null) return null;
    const subscriptions = await subscriptionsOf(ctx, owner);
    return {
      activePlans: grantedPlans(subscriptions),
      items: subscriptions.map(({ plan, status, is_free_trial, period_end }) => ({
        plan,
        status,
        is_free_trial,
        period_end,
      })),
    };
  },
});
