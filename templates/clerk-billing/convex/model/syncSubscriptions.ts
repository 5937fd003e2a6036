import { internal } from "../_generated/api";
import type { ActionCtx } from "../_generated/server";
import { clerkGet } from "./clerkApi";
import type { OwnerRef } from "./clerkEventHandler";
import { type ClerkSubscriptionItemJSON, toSubscriptionItem } from "./subscriptionItemTypes";

/** Clerk's billing subscription as the Backend API returns it (CommerceSubscription); only the fields we read. */
type ClerkBillingSubscriptionJSON = {
  id: string;
  payer_id: string;
  subscription_items?: ClerkSubscriptionItemJSON[] | null;
};

/**
 * An owner's Clerk Billing subscription (GET /users/{id}/billing/subscription, or /organizations/{id}/… for a team):
 * each item applied as subscriptionItem.updated would be, then the owner's current items Clerk no longer lists are
 * ended. Nothing changes when Clerk has no subscription for the owner (404).
 */
export async function syncSubscriptions(ctx: ActionCtx, owner: OwnerRef): Promise<void> {
  const base = owner.kind === "user" ? "/users" : "/organizations";
  const fetchedAt = Date.now();
  const subscription = await clerkGet<ClerkBillingSubscriptionJSON>(
    `${base}/${encodeURIComponent(owner.id)}/billing/subscription`,
  );
  if (!subscription) return;
  // The Backend API names the payer by id only: who it is, is the owner asked about.
  const payer = {
    id: subscription.payer_id,
    user_id: owner.kind === "user" ? owner.id : null,
    organization_id: owner.kind === "team" ? owner.id : null,
  };
  const items = (subscription.subscription_items ?? []).map((item) =>
    toSubscriptionItem(item, { id: subscription.id, payer }),
  );
  await ctx.runMutation(internal.clerkSync.apply, {
    events: items.map((data) => ({ type: "subscriptionItem.updated" as const, data })),
  });
  await ctx.runMutation(internal.subscriptionItems.endMissing, {
    owner,
    current: items.map((item) => item.item_id),
    fetchedAt,
  });
}
