import { ConvexError } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import type { QueryCtx } from "./_generated/server";
import type { Owner } from "./owners";

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

/**
 * The slugs of the plans an owner pays for, from the stored subscription items (kept by Clerk's billing webhooks):
 * a user's (items whose payer is that user) or, with teams, a team's (items whose payer is that organization). An
 * organization's plan grants its members nothing as users, and a user's plan grants their teams nothing. Takes the
 * owner, so scheduled functions (which have no signed-in user) can check plans too.
 */
export async function plansOf(ctx: QueryCtx, owner: Owner): Promise<string[]> {
  const slugs = new Set<string>();
  for (const status of GRANTING_STATUSES) {
    for (const item of await itemsOf(ctx, owner, status)) {
      if (item.plan) slugs.add(item.plan.slug);
    }
  }
  return [...slugs].sort();
}

/** The owner's subscription items in one status: a user's by payer.user_id, a team's by payer.organization_id. */
export async function itemsOf(
  ctx: QueryCtx,
  owner: Owner,
  status: string,
): Promise<Doc<"subscriptionItems">[]> {
  const items =
    owner.kind === "user"
      ? ctx.db
          .query("subscriptionItems")
          .withIndex("by_payer_user_id_and_status", (q) =>
            q.eq("payer.user_id", owner.id).eq("status", status),
          )
      : ctx.db
          .query("subscriptionItems")
          .withIndex("by_payer_organization_id_and_status", (q) =>
            q.eq("payer.organization_id", owner.id).eq("status", status),
          );
  return await items.collect();
}

/**
 * Whether the signed-in caller (the JWT `subject`, Clerk's user id) is on the plan with this slug; with `owner`
 * (owners.ts: the caller's active team, say), whether that owner is.
 */
export async function hasPlan(ctx: QueryCtx, slug: string, owner?: Owner): Promise<boolean> {
  const payer = owner ?? (await callerAsUser(ctx));
  return payer !== null && (await plansOf(ctx, payer)).includes(slug);
}

/**
 * Throws unless the signed-in caller (or `owner`) is on the plan with this slug: ConvexError
 * `{ code: "NOT_SIGNED_IN" }` when signed out, else `{ code: "PLAN_REQUIRED", plan: slug }`. ConvexError data
 * reaches the client.
 */
export async function requirePlan(ctx: QueryCtx, slug: string, owner?: Owner): Promise<void> {
  const payer = owner ?? (await callerAsUser(ctx));
  if (payer === null) {
    throw new ConvexError({ code: "NOT_SIGNED_IN" });
  }
  if (!(await plansOf(ctx, payer)).includes(slug)) {
    throw new ConvexError({ code: "PLAN_REQUIRED", plan: slug });
  }
}

async function callerAsUser(ctx: QueryCtx): Promise<Owner | null> {
  const identity = await ctx.auth.getUserIdentity();
  return identity === null ? null : { kind: "user", id: identity.subject };
}
