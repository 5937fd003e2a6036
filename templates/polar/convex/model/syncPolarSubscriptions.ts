import { subscriptionsList } from "@polar-sh/sdk/funcs/subscriptionsList.js";
import { internal } from "../_generated/api";
import type { ActionCtx } from "../_generated/server";
import type { OwnerRef } from "./clerkEventHandler";
import { polarClient } from "./polar";
import { toStoredSubscription } from "./polarSubscriptions";

/** The most subscriptions one sync reads for an owner (Polar's page size; an owner has a handful). */
const PAGE_SIZE = 100;

/**
 * An owner's subscriptions as Polar's API lists them (by the customer's external id, the owner's Clerk id), each
 * applied as its webhook would be (polarWebhook.ts: the newest `modified_at` wins). Heals what a webhook missed: a
 * delivery Polar gave up on, or a checkout that completed before the endpoint existed. Nothing is fetched without
 * POLAR_ORGANIZATION_TOKEN.
 */
export async function syncPolarSubscriptions(ctx: ActionCtx, owner: OwnerRef): Promise<void> {
  const client = polarClient();
  if (client === undefined) return;
  const page = await subscriptionsList(client, { externalCustomerId: owner.id, limit: PAGE_SIZE });
  if (!page.ok) throw page.error;
  for (const subscription of page.value.result.items) {
    await ctx.runMutation(internal.polarWebhook.applySubscription, {
      subscription: toStoredSubscription(subscription),
      externalId: owner.id,
    });
  }
}
