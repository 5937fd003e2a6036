import { v } from "convex/values";
import { type MutationCtx, query } from "./_generated/server";
import { GRANTING_STATUSES, itemsOf, plansOf } from "./entitlements";
import { getOwner } from "./owners";
import {
  type ClerkSubscriptionItemJSON,
  type ClerkSubscriptionJSON,
  type SubscriptionItemData,
  subscriptionItemValidator,
  toSubscriptionItem,
} from "./subscriptionItemTypes";
import { isNewer } from "./ordering";
import type { ClerkEventHandler, Outcome } from "./webhookEvents";

/** Statuses `current` lists: the granting ones, and an item scheduled to start. */
const CURRENT_STATUSES = [...GRANTING_STATUSES, "upcoming"] as const;

/**
 * The owner's plans, for the UI (owners.ts: the signed-in user, or with teams the active team): `activePlans` (slugs,
 * from the same check as `hasPlan`) and the current subscription items. null when signed out.
 */
export const current = query({
  args: {},
  returns: v.union(
    v.null(),
    v.object({
      activePlans: v.array(v.string()),
      items: v.array(
        v.object({
          plan: v.optional(v.object({ slug: v.string(), name: v.string() })),
          status: v.string(),
          is_free_trial: v.boolean(),
          period_end: v.optional(v.number()),
        }),
      ),
    }),
  ),
  handler: async (ctx) => {
    const owner = await getOwner(ctx);
    if (owner === null) return null;
    const items = [];
    for (const status of CURRENT_STATUSES) {
      const rows = await itemsOf(ctx, owner, status);
      for (const item of rows) {
        items.push({
          plan: item.plan && { slug: item.plan.slug, name: item.plan.name },
          status: item.status,
          is_free_trial: item.is_free_trial,
          period_end: item.period_end,
        });
      }
    }
    return { activePlans: await plansOf(ctx, owner), items };
  },
});

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
 * deliveries arrive out of order and are retried).
 */
export async function saveSubscriptionItem(
  ctx: MutationCtx,
  item: SubscriptionItemData,
): Promise<Outcome> {
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
