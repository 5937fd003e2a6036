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
 * - past_due: a recurring charge failed. This starter keeps access for PAST_DUE_GRACE_MS while Clerk retries the
 *   charge (set it to 0 to lock at once); after that the item stops granting (grace_ended) until Clerk sends a newer
 *   version of it;
 * - canceled: it "will end at the end of the current billing period", which is paid for. Clerk sends
 *   subscriptionItem.ended when that period is over, and access stops then; if that event never arrives, the re-check
 *   scheduled at period end (plus ENDED_RECHECK_DELAY_MS) asks Clerk, then ends the item.
 * Not granting: upcoming (scheduled, not started: subscriptionItem.active comes when it starts), incomplete
 * (needs the payer's action first), ended, abandoned (superseded before it started), expired, and any status
 * Clerk adds later.
 */
export const GRANTING_STATUSES = ["active", "past_due", "canceled"] as const;

/** How long a past_due item keeps granting its plan. */
export const PAST_DUE_GRACE_MS = 3 * 24 * 60 * 60 * 1000;

/** How long after a canceled item's period end it is re-checked (Clerk's subscriptionItem.ended is due by then). */
export const ENDED_RECHECK_DELAY_MS = 60 * 60 * 1000;

/** Whether a stored item grants its plan now. */
export function grantsPlan(
  item: Pick<Doc<"subscriptionItems">, "status" | "grace_ended">,
): boolean {
  return (
    (GRANTING_STATUSES as readonly string[]).includes(item.status) && item.grace_ended !== true
  );
}

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
 * deliveries arrive out of order and are retried) or Clerk deleted its payer. Entering canceled or past_due schedules
 * a re-check of the item (internal.subscriptionItems.recheck) for when it should have ended or its grace runs out.
 */
export async function saveSubscriptionItem(
  ctx: MutationCtx,
  item: SubscriptionItemData,
): Promise<Outcome> {
  const payer = payerOf(item);
  if (payer !== null && (await isDeletedOwner(ctx, payer))) {
    return { outcome: "ignored", reason: "the payer was deleted" };
  }
  const existing = await itemById(ctx, item.item_id);
  if (existing !== null) {
    const order = { incoming: stage(item.status), stored: stage(existing.status) };
    if (!isNewer(item.updated_at, existing.updated_at, order)) {
      return { outcome: "ignored", reason: "not newer than the stored item" };
    }
  }
  const now = Date.now();
  const wasPastDue = existing?.status === "past_due";
  const past_due_since =
    item.status !== "past_due" ? undefined : wasPastDue ? existing.past_due_since : now;
  const stored = {
    ...item,
    past_due_since,
    grace_ended:
      past_due_since !== undefined && now >= past_due_since + PAST_DUE_GRACE_MS ? true : undefined,
  };
  if (existing === null) await ctx.db.insert("subscriptionItems", stored);
  else await ctx.db.replace("subscriptionItems", existing._id, stored);

  if (item.status === "canceled" && existing?.status !== "canceled" && item.period_end) {
    await ctx.scheduler.runAt(
      item.period_end + ENDED_RECHECK_DELAY_MS,
      internal.subscriptionItems.recheck,
      { item_id: item.item_id },
    );
  }
  if (past_due_since !== undefined && !wasPastDue) {
    await ctx.scheduler.runAt(
      past_due_since + PAST_DUE_GRACE_MS,
      internal.subscriptionItems.recheck,
      {
        item_id: item.item_id,
      },
    );
  }
  return { outcome: "processed" };
}

export async function itemById(
  ctx: QueryCtx,
  item_id: string,
): Promise<Doc<"subscriptionItems"> | null> {
  return await ctx.db
    .query("subscriptionItems")
    .withIndex("by_item_id", (q) => q.eq("item_id", item_id))
    .unique();
}

/**
 * After a re-check asked Clerk (internal.subscriptionItems.recheck): an item still canceled past its period end (plus
 * ENDED_RECHECK_DELAY_MS) is ended, as Clerk's lost subscriptionItem.ended would have; one still past_due past its
 * grace stops granting.
 */
export async function endIfOverdue(ctx: MutationCtx, item_id: string): Promise<void> {
  const item = await itemById(ctx, item_id);
  if (item === null) return;
  const now = Date.now();
  if (item.status === "canceled" && item.period_end !== undefined) {
    if (now >= item.period_end + ENDED_RECHECK_DELAY_MS) {
      await ctx.db.patch("subscriptionItems", item._id, { status: "ended" });
    }
  } else if (item.status === "past_due" && item.past_due_since !== undefined) {
    if (now >= item.past_due_since + PAST_DUE_GRACE_MS) {
      await ctx.db.patch("subscriptionItems", item._id, { grace_ended: true });
    }
  }
}

/**
 * Ends an owner's current items that Clerk's answer no longer lists (`current`: the item ids it returned at
 * `fetchedAt`), as a lost subscriptionItem.ended would have; a stored version newer than the answer stays.
 */
export async function endItemsMissingFrom(
  ctx: MutationCtx,
  owner: OwnerRef,
  current: readonly string[],
  fetchedAt: number,
): Promise<void> {
  for (const status of CURRENT_STATUSES) {
    for (const item of await itemsOf(ctx, owner, status)) {
      if (!current.includes(item.item_id) && isNewer(fetchedAt, item.updated_at)) {
        await ctx.db.patch("subscriptionItems", item._id, {
          status: "ended",
          updated_at: fetchedAt,
        });
      }
    }
  }
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
