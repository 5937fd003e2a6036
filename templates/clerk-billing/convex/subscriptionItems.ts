import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalAction, internalMutation, internalQuery } from "./_generated/server";
import { ownerRefValidator } from "./model/clerkEventHandler";
import { payerOf } from "./model/payers";
import {
  deleteSubscriptionItemsOf,
  endIfOverdue,
  endItemsMissingFrom,
  itemById,
} from "./model/subscriptionItems";
import { syncSubscriptions } from "./model/syncSubscriptions";

/** The next batch of a deleted payer's subscription items (model/subscriptionItems.ts deleteSubscriptionItemsOf). */
export const deleteAllOf = internalMutation({
  args: { owner: ownerRefValidator },
  returns: v.null(),
  handler: async (ctx, { owner }): Promise<null> => {
    await deleteSubscriptionItemsOf(ctx, owner);
    return null;
  },
});

/**
 * Scheduled when an item enters canceled (for its period end) or past_due (for the end of its grace): asks Clerk for
 * the payer's subscription, then ends the item, or its grace, if Clerk has still said nothing newer.
 */
export const recheck = internalAction({
  args: { item_id: v.string() },
  returns: v.null(),
  handler: async (ctx, { item_id }) => {
    const owner = await ctx.runQuery(internal.subscriptionItems.payerOfItem, { item_id });
    if (owner === null) return null;
    try {
      await syncSubscriptions(ctx, owner);
    } catch (error) {
      console.error(`Could not re-check ${item_id} with Clerk:`, error);
    }
    await ctx.runMutation(internal.subscriptionItems.endOverdue, { item_id });
    return null;
  },
});

export const payerOfItem = internalQuery({
  args: { item_id: v.string() },
  returns: v.union(ownerRefValidator, v.null()),
  handler: async (ctx, { item_id }) => {
    const item = await itemById(ctx, item_id);
    return item === null ? null : payerOf(item);
  },
});

export const endOverdue = internalMutation({
  args: { item_id: v.string() },
  returns: v.null(),
  handler: async (ctx, { item_id }): Promise<null> => {
    await endIfOverdue(ctx, item_id);
    return null;
  },
});

/** The owner's current items that Clerk's answer (model/syncSubscriptions.ts) no longer lists end. */
export const endMissing = internalMutation({
  args: { owner: ownerRefValidator, current: v.array(v.string()), fetchedAt: v.number() },
  returns: v.null(),
  handler: async (ctx, { owner, current, fetchedAt }): Promise<null> => {
    await endItemsMissingFrom(ctx, owner, current, fetchedAt);
    return null;
  },
});
