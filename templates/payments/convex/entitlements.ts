import { ConvexError } from "convex/values";
import type { QueryCtx } from "./_generated/server";

/**
 * Subscription item statuses that grant the item's plan. Statuses and their meaning are from Clerk's webhook
 * spec (BillingSubscriptionItemEventPayload.status):
 * - active: the item describing the current state of the subscription (a free trial is active too);
 * - past_due: a payment is overdue on it. Access stays while the charge is retried; the item then becomes
 *   active again (paid) or ended;
 * - canceled: it "will end at the end of the current billing period", which is paid for. Clerk sends
 *   subscriptionItem.ended when that period is over, and access stops then.
 * Not granting: upcoming (scheduled, not started: subscriptionItem.active comes when it starts), incomplete
 * (needs the payer's action first), ended, abandoned (superseded before it started), expired, and any status
 * Clerk adds later.
 */
export const GRANTING_STATUSES = ["active", "past_due", "canceled"] as const;

/**
 * The slugs of the plans a Clerk user pays for, from the stored subscription items (kept by Clerk's billing
 * webhooks). Only items whose payer is this user count: an organization's plan grants a user nothing here.
 * Takes a user id, so scheduled functions (which have no signed-in user) can check plans too.
 */
export async function plansOfUser(
  ctx: QueryCtx,
  clerkUserId: string,
): Promise<string[]> {
  const slugs = new Set<string>();
  for (const status of GRANTING_STATUSES) {
    const items = await ctx.db
      .query("subscriptionItems")
      .withIndex("by_payer_user_id_and_status", (q) =>
        q.eq("payer.user_id", clerkUserId).eq("status", status),
      )
      .collect();
    for (const item of items) {
      if (item.plan) slugs.add(item.plan.slug);
    }
  }
  return [...slugs].sort();
}

/** Whether the signed-in caller (the JWT `subject`, Clerk's user id) is on the plan with this slug. */
export async function hasPlan(ctx: QueryCtx, slug: string): Promise<boolean> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) return false;
  return (await plansOfUser(ctx, identity.subject)).includes(slug);
}

/**
 * Throws unless the signed-in caller is on the plan with this slug: ConvexError `{ code: "NOT_SIGNED_IN" }`
 * when signed out, else `{ code: "PLAN_REQUIRED", plan: slug }`. ConvexError data reaches the client.
 */
export async function requirePlan(ctx: QueryCtx, slug: string): Promise<void> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) {
    throw new ConvexError({ code: "NOT_SIGNED_IN" });
  }
  if (!(await plansOfUser(ctx, identity.subject)).includes(slug)) {
    throw new ConvexError({ code: "PLAN_REQUIRED", plan: slug });
  }
}
