import { v } from "convex/values";
import { internal } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { type ClerkEventHandler, isNewer, type Outcome, type OwnerRef } from "./clerkEventHandler";
import { isDeletedOwner } from "./owners";
import { payerOf } from "./payers";
import {
  type ClerkSubscriptionItemJSON,
  type ClerkSubscriptionJSON,
  type SubscriptionItemData,
  subscriptionItemValidator,
  toSubscriptionItem,
} from "./subscriptionItemTypes";

/*
 * Clerk Billing's subscription items, kept by its subscription.* and subscriptionItem.* webhooks: who (a user, or
 * with teams an organization) is on which plan, in which status.
 */

/**
 * Subscription item statuses that grant the item's plan. Statuses and their meaning are from Clerk's webhook
 * spec (BillingSubscriptionItemEventPayload.status):
 * - active: the item describing the current state of the subscription (a free trial is active too);
 * - past_due: a payment is overdue on it. This starter keeps access while it is past due, as a grace period
 *   (remove "past_due" below to lock it at once); when Clerk ends the item, access stops;
 * - canceled: it "will end at the end of the current billing period", which is paid for. Clerk sends
 *   subscriptionItem.ended when that period is over, and access stops then.
 * Not granting: upcoming (scheduled, not started: subscriptionItem.active comes when it starts), incomplete
 * (needs the payer's action first), ended, abandoned (superseded before it started), expired, and any status
 * Clerk adds later.
 */
export const GRANTING_STATUSES = ["active", "past_due", "canceled"] as const;

/** Statuses an owner's current subscriptions are in: the granting ones, and an item scheduled to start. */
export const CURRENT_STATUSES = [...GRANTING_STATUSES, "upcoming"] as const;

/**
 * The most items one owner has in one status that is read. Bounded by design: itemsOf is read for the current
 * statuses only (CURRENT_STATUSES), where a payer has one item per plan it is on; ended items are never read.
 */
const MAX_ITEMS_PER_STATUS = 100;

/**
 * The owner's subscription items (a user's by payer.user_id, a team's by payer.organization_id), in one status if
 * given.
 */
function itemsQuery(ctx: QueryCtx, owner: OwnerRef, status?: string) {
  return owner.kind === "user"
    ? ctx.db.query("subscriptionItems").withIndex("by_payer_user_id_and_status", (q) => {
        const payer = q.eq("payer.user_id", owner.id);
        return status === undefined ? payer : payer.eq("status", status);
      })
    : ctx.db.query("subscriptionItems").withIndex("by_payer_organization_id_and_status", (q) => {
        const payer = q.eq("payer.organization_id", owner.id);
        return status === undefined ? payer : payer.eq("status", status);
      });
}

/** The owner's subscription items in one status. */
export async function itemsOf(
  ctx: QueryCtx,
  owner: OwnerRef,
  status: string,
): Promise<Doc<"subscriptionItems">[]> {
  return await itemsQuery(ctx, owner, status).take(MAX_ITEMS_PER_STATUS);
}

/** How many subscription items one transaction deletes. */
export const DELETE_ITEMS_BATCH = 500;

/**
 * Deletes a deleted payer's subscription items (user.deleted, organization.deleted): a first batch in the event's
 * mutation, the rest in scheduled batches (internal.subscriptionItems.deleteAllOf).
 */
export async function deleteSubscriptionItemsOf(ctx: MutationCtx, owner: OwnerRef): Promise<void> {
  const items = await itemsQuery(ctx, owner).take(DELETE_ITEMS_BATCH);
  for (const item of items) await ctx.db.delete("subscriptionItems", item._id);
  if (items.length === DELETE_ITEMS_BATCH) {
    await ctx.scheduler.runAfter(0, internal.subscriptionItems.deleteAllOf, { owner });
  }
}

// An item moves upcoming/incomplete → active/past_due → canceled → ended/abandoned/expired. With equal
// `updated_at`s the later stage wins, so the order two such deliveries arrive in does not matter.
const lifecycleStage: Record<string, number> = {
  upcoming: 0,
  incomplete: 0,
  active: 1,
  past_due: 1,
  canceled: 2,
  ended: 3,
  abandoned: 3,
  expired: 3,
};
const stage = (status: string) => lifecycleStage[status] ?? 0;

/**
 * Upserts one subscription item by Clerk's item id, unless the stored version is newer (Clerk's `updated_at`;
 * deliveries arrive out of order and are retried) or Clerk deleted its payer.
 */
export async function saveSubscriptionItem(
  ctx: MutationCtx,
  item: SubscriptionItemData,
): Promise<Outcome> {
  const payer = payerOf(item);
  if (payer !== null && (await isDeletedOwner(ctx, payer))) {
    return { outcome: "ignored", reason: "the payer was deleted" };
  }
  const existing = await ctx.db
    .query("subscriptionItems")
    .withIndex("by_item_id", (q) => q.eq("item_id", item.item_id))
    .unique();
  if (existing === null) {
    await ctx.db.insert("subscriptionItems", item);
    return { outcome: "processed" };
  }
  const order = { incoming: stage(item.status), stored: stage(existing.status) };
  if (!isNewer(item.updated_at, existing.updated_at, order)) {
    return { outcome: "ignored", reason: "not newer than the stored item" };
  }
  await ctx.db.replace("subscriptionItems", existing._id, item);
  return { outcome: "processed" };
}

/** A subscription.* event: every item it lists, in the same mutation. */
async function saveSubscriptionItems(
  ctx: MutationCtx,
  items: SubscriptionItemData[],
): Promise<Outcome> {
  let saved = 0;
  for (const item of items) {
    if ((await saveSubscriptionItem(ctx, item)).outcome === "processed") saved++;
  }
  return saved > 0
    ? { outcome: "processed" }
    : { outcome: "ignored", reason: "no item newer than the stored ones" };
}

const itemEvent: ClerkEventHandler<SubscriptionItemData> = {
  data: subscriptionItemValidator,
  // Signed by Clerk; the mutation's validator checks what we keep.
  parse: (raw) => toSubscriptionItem(raw as ClerkSubscriptionItemJSON),
  apply: saveSubscriptionItem,
};

const subscriptionEvent: ClerkEventHandler<SubscriptionItemData[]> = {
  data: v.array(subscriptionItemValidator),
  parse: (raw) => {
    const subscription = raw as ClerkSubscriptionJSON;
    return subscription.items.map((item) => toSubscriptionItem(item, subscription));
  },
  apply: saveSubscriptionItems,
};

/**
 * Webhook handlers for Clerk Billing's subscription events; wired up in clerkEvents.ts. Event names are
 * camelCase (subscriptionItem.pastDue) while the status in the payload is snake_case ("past_due"): what is
 * stored and checked is always the payload's status.
 */
export const subscriptionEventHandlers = {
  "subscription.created": subscriptionEvent,
  "subscription.updated": subscriptionEvent,
  "subscription.active": subscriptionEvent,
  "subscription.pastDue": subscriptionEvent,
  "subscriptionItem.created": itemEvent,
  "subscriptionItem.updated": itemEvent,
  "subscriptionItem.active": itemEvent,
  "subscriptionItem.canceled": itemEvent,
  "subscriptionItem.upcoming": itemEvent,
  "subscriptionItem.ended": itemEvent,
  "subscriptionItem.abandoned": itemEvent,
  "subscriptionItem.incomplete": itemEvent,
  "subscriptionItem.pastDue": itemEvent,
  "subscriptionItem.freeTrialEnding": itemEvent,
};
