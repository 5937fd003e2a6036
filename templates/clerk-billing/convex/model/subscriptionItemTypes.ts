import { type Infer, v } from "convex/values";

/*
 * Clerk Billing subscription items (the `data` of subscriptionItem.* events, and each of `data.items` in
 * subscription.* events), reduced to what access checks and a billing page need. Per Clerk's webhook spec
 * (webhooks/2025-04-15.yml, BillingSubscriptionItemEventPayload): `plan` and `plan_id` are nullable,
 * `period_end` is null for the free default plan, and a user payer's `organization_id` is "" (not absent).
 * No personal data is stored: the payer is kept as ids only.
 */

export const subscriptionItemFields = {
  item_id: v.string(), // Clerk's `id` ("csub_item_...")
  subscription_id: v.optional(v.string()), // "csub_..."
  // Clerk's status values: abandoned, active, canceled, ended, expired, incomplete, past_due, upcoming.
  // Kept open (a string) so a new status is stored, not rejected; model/subscriptionItems.ts decides what grants access.
  status: v.string(),
  is_free_trial: v.boolean(),
  interval: v.optional(v.string()), // "month" | "annual"
  period_start: v.number(), // ms
  period_end: v.optional(v.number()), // ms; absent for the free default plan
  canceled_at: v.optional(v.number()), // ms; in the Backend API's item, absent from the webhook spec's examples
  updated_at: v.number(), // ms, Clerk's: orders deliveries
  // Absent when the plan no longer exists (Clerk sends plan: null).
  plan: v.optional(v.object({ id: v.string(), slug: v.string(), name: v.string() })),
  // Exactly one of user_id / organization_id: who pays, and so who gets the plan.
  payer: v.object({
    id: v.string(), // "cpayer_..."
    user_id: v.optional(v.string()),
    organization_id: v.optional(v.string()),
  }),
};

export const subscriptionItemValidator = v.object(subscriptionItemFields);

/** What this backend adds to Clerk's fields (model/subscriptionItems.ts): the past_due grace. */
export const subscriptionItemGraceFields = {
  // ms: when the item entered past_due (kept while it stays past_due).
  past_due_since: v.optional(v.number()),
  // true once PAST_DUE_GRACE_MS has passed with the item still past_due: it no longer grants its plan.
  grace_ended: v.optional(v.boolean()),
};
export type SubscriptionItemData = Infer<typeof subscriptionItemValidator>;

/** Clerk's payer JSON; organization payers carry organization_id, user payers "" there. */
type ClerkPayerJSON = {
  id: string;
  user_id?: string | null;
  organization_id?: string | null;
};

/** Clerk's subscription item JSON as it arrives, per the webhook spec; only the fields we read. */
export type ClerkSubscriptionItemJSON = {
  id: string;
  status: string;
  is_free_trial?: boolean | null;
  // The webhook's name for the billing period; the Backend API's objects call it plan_period.
  interval?: string | null;
  plan_period?: string | null;
  period_start: number;
  period_end?: number | null;
  canceled_at?: number | null;
  updated_at: number;
  plan?: { id: string; slug: string; name: string } | null;
  // Only in subscriptionItem.* events; null inside a subscription.* event, whose payer is the subscription's.
  payer?: ClerkPayerJSON | null;
  subscription_id?: string | null;
};

/** Clerk's subscription JSON (subscription.* events): the payer, and every item of the subscription. */
export type ClerkSubscriptionJSON = {
  id: string;
  payer: ClerkPayerJSON;
  items: ClerkSubscriptionItemJSON[];
};

/** Maps one item to the stored shape; `parent` supplies the payer and id for items inside a subscription. */
export function toSubscriptionItem(
  item: ClerkSubscriptionItemJSON,
  parent?: { id: string; payer: ClerkPayerJSON },
): SubscriptionItemData {
  const payer = parent?.payer ?? item.payer;
  if (!payer) throw new Error(`Subscription item ${item.id} has no payer`);
  // "" means absent; an organization payer is never also treated as a user payer.
  const organization_id = payer.organization_id || undefined;
  return {
    item_id: item.id,
    subscription_id: parent?.id ?? item.subscription_id ?? undefined,
    status: item.status,
    is_free_trial: item.is_free_trial ?? false,
    interval: item.interval ?? item.plan_period ?? undefined,
    period_start: item.period_start,
    period_end: item.period_end ?? undefined,
    canceled_at: item.canceled_at ?? undefined,
    updated_at: item.updated_at,
    plan: item.plan ? { id: item.plan.id, slug: item.plan.slug, name: item.plan.name } : undefined,
    payer: {
      id: payer.id,
      user_id: organization_id ? undefined : payer.user_id || undefined,
      organization_id,
    },
  };
}
