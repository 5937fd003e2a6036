import type { WebhookEventHandlers } from "@convex-dev/polar";
import { subscriptionValidator } from "@convex-dev/polar";
import type { Subscription as PolarSubscription } from "@polar-sh/sdk/models/components/subscription.js";
import { v } from "convex/values";
import { components, internal } from "./_generated/api";
import { internalAction, internalMutation, type MutationCtx } from "./_generated/server";
import { type OwnerRef, ownerRefValidator } from "./model/clerkEventHandler";
import { isDeletedOwner } from "./model/owners";
import {
  grantEnds,
  type StoredSubscription,
  toStoredSubscription,
} from "./model/polarSubscriptions";
import { syncPolarSubscriptions } from "./model/syncPolarSubscriptions";

/**
 * Where Polar delivers its webhooks: https://<deployment>.convex.site/polar/events. The Polar component's route
 * (http.ts) verifies each delivery per Standard Webhooks with POLAR_WEBHOOK_SECRET (403 when it fails, so Polar
 * retries), stores subscription.created and subscription.updated in its tables, then calls the handlers below.
 */
export const POLAR_WEBHOOK_PATH = "/polar/events";

/** The Clerk id a Polar customer was created for (its `external_id`), as an owner: `org_…` ids are teams. */
export function ownerOfExternalId(externalId: string): OwnerRef {
  return { kind: externalId.startsWith("org_") ? "team" : "user", id: externalId };
}

/**
 * The owner a subscription was bought for: the checkout's `metadata.ownerId` (polar.ts), which Polar copies to the
 * subscription, else its customer's `external_id` (the Clerk id the checkout created the customer with), else null.
 * The metadata comes first: when the buyer's email already belongs to a Polar customer, Polar attaches the checkout
 * to that customer (a team's plan bought by an admin who pays for their own plan too, say).
 */
export function ownerIdOf(
  subscription: StoredSubscription,
  externalId: string | null,
): string | null {
  const ownerId = subscription.metadata.ownerId;
  return typeof ownerId === "string" ? ownerId : externalId;
}

/**
 * Applies one subscription from Polar (a webhook's, or the API's in a sync) in one transaction: stores it in the
 * component unless the stored version is newer (by `modified_at`: Polar retries, and does not promise the order of
 * deliveries), then links its customer to the owner it was bought for (ownerIdOf). A deleted owner is not linked
 * again; a customer linked to nobody grants nothing here.
 */
export const applySubscription = internalMutation({
  args: { subscription: subscriptionValidator, externalId: v.union(v.string(), v.null()) },
  returns: v.union(v.literal("linked"), v.literal("unlinked")),
  handler: async (ctx, { subscription, externalId }) => {
    const ownerId = ownerIdOf(subscription, externalId);
    // Stored with the owner it is for: billingProvider.ts shows each owner only its own.
    const metadata =
      ownerId === null ? subscription.metadata : { ...subscription.metadata, ownerId };
    await ctx.runMutation(components.polar.lib.updateSubscription, {
      subscription: { ...subscription, metadata },
    });
    if (ownerId === null) {
      console.warn(
        `Polar subscription ${subscription.id}: its customer was not created by this app's checkout (no external_id or metadata.ownerId); not linked to an owner.`,
      );
      return "unlinked";
    }
    const owner = ownerOfExternalId(ownerId);
    if (await isDeletedOwner(ctx, owner)) return "unlinked";
    await ctx.runMutation(components.polar.lib.insertCustomer, {
      id: subscription.customerId,
      userId: owner.id,
    });
    await scheduleRecheck(ctx, owner, subscription.id);
    return "linked";
  },
});

/**
 * When the stored version of the subscription grants its plan only until a time (a trial's end, `ends_at`, a past_due
 * grace), a sync of the owner from Polar is scheduled for then: Polar's webhook normally comes first, and the sync
 * heals a lost one.
 */
async function scheduleRecheck(ctx: MutationCtx, owner: OwnerRef, subscriptionId: string) {
  const stored = await ctx.runQuery(components.polar.lib.getSubscription, { id: subscriptionId });
  const ends = stored === null ? undefined : grantEnds(stored, Date.now());
  if (ends !== undefined) await ctx.scheduler.runAt(ends, internal.polarWebhook.recheck, { owner });
}

/** Syncs an owner's subscriptions from Polar (see scheduleRecheck). */
export const recheck = internalAction({
  args: { owner: ownerRefValidator },
  returns: v.null(),
  handler: async (ctx, { owner }) => {
    await syncPolarSubscriptions(ctx, owner);
    return null;
  },
});

/** What the Polar component's route gives an event handler. */
type PolarHandlerCtx = Parameters<NonNullable<WebhookEventHandlers["subscription.created"]>>[0];

/** Every subscription.* event Polar sends carries the whole subscription: each is applied the same way. */
const applyEvent = async (ctx: PolarHandlerCtx, event: { data: PolarSubscription }) => {
  await ctx.runMutation(internal.polarWebhook.applySubscription, {
    subscription: toStoredSubscription(event.data),
    externalId: event.data.customer.externalId ?? null,
  });
};

/** The handlers the Polar component's route calls after verifying a delivery (http.ts). */
export const polarWebhookEvents: WebhookEventHandlers = {
  "subscription.created": applyEvent,
  "subscription.updated": applyEvent,
  "subscription.active": applyEvent,
  "subscription.canceled": applyEvent,
  "subscription.uncanceled": applyEvent,
  "subscription.revoked": applyEvent,
  "subscription.past_due": applyEvent,
};
