import { v } from "convex/values";
import { internalMutation } from "./_generated/server";
import { ownerRefValidator } from "./model/clerkEventHandler";
import { deleteSubscriptionItemsOf } from "./model/subscriptionItems";

/** The next batch of a deleted payer's subscription items (model/subscriptionItems.ts deleteSubscriptionItemsOf). */
export const deleteAllOf = internalMutation({
  args: { owner: ownerRefValidator },
  returns: v.null(),
  handler: async (ctx, { owner }): Promise<null> => {
    await deleteSubscriptionItemsOf(ctx, owner);
    return null;
  },
});
