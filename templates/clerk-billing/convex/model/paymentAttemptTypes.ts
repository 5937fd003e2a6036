import { type Infer, v } from "convex/values";

/*
 * Clerk Billing payment attempts (the `data` of paymentAttempt.created / .updated), reduced to
 * what we store: what a payment history shows, plus the ids to reconcile with Clerk and Stripe. No personal
 * data: the payer is kept as ids (Clerk's payload also has their names, email and image).
 * Clerk's spec (webhooks/2025-04-15.yml) marks several fields nullable or payer-dependent; in the
 * stored shape an unknown value is an absent field, never null.
 */

const billingAmount = v.object({
  amount: v.number(), // smallest currency unit, e.g. cents
  amount_formatted: v.string(), // "$22.00"
  currency: v.string(),
  currency_symbol: v.string(),
});

export const paymentAttemptFields = {
  payment_id: v.string(),
  attempt_id: v.string(), // Clerk's `id` ("pa_..."); one payment can take several attempts
  status: v.string(), // "pending" | "paid" | "failed" today; kept open so new states are not rejected
  charge_type: v.string(), // "checkout" | "recurring"
  statement_id: v.optional(v.string()),
  gateway_external_id: v.optional(v.string()), // Stripe PaymentIntent id
  created_at: v.number(), // ms
  updated_at: v.number(), // ms
  billing_date: v.optional(v.number()), // ms
  paid_at: v.optional(v.number()), // ms
  failed_at: v.optional(v.number()), // ms
  failed_reason: v.optional(v.object({ code: v.string(), decline_code: v.optional(v.string()) })),
  payer: v.object({
    id: v.string(), // "cpayer_..."
    // Exactly one of them: a user payer's Clerk user id, or an organization payer's organization id.
    user_id: v.optional(v.string()),
    organization_id: v.optional(v.string()),
  }),
  totals: v.object({
    subtotal: billingAmount,
    tax_total: billingAmount,
    grand_total: billingAmount,
  }),
  payment_source: v.object({
    payment_method: v.string(), // "card" | "link"
    // Only for cards: Clerk sends null for other methods such as "link".
    card_type: v.optional(v.string()),
    last4: v.optional(v.string()),
  }),
  subscription_items: v.array(
    v.object({
      id: v.string(),
      status: v.string(),
      plan_period: v.optional(v.string()), // "month" | "annual"
      period_start: v.optional(v.number()),
      period_end: v.optional(v.number()),
      amount: v.optional(billingAmount),
      plan: v.object({ id: v.string(), name: v.string(), slug: v.string() }),
    }),
  ),
};

/** What savePaymentAttempt receives: the stored fields except our own link to `users`. */
export const paymentAttemptDataValidator = v.object(paymentAttemptFields);
export type PaymentAttemptData = Infer<typeof paymentAttemptDataValidator>;

/** Clerk's payment attempt JSON as it arrives, per the webhook spec; only the fields we read. */
export type ClerkPaymentAttemptJSON = {
  id: string;
  payment_id: string;
  statement_id?: string | null;
  invoice_id?: string | null; // deprecated, absent from current payloads
  gateway_external_id?: string | null;
  status: string;
  charge_type: string;
  created_at: number;
  updated_at: number;
  billing_date?: number | null;
  paid_at?: number | null;
  failed_at?: number | null;
  failed_reason?: { code: string; decline_code?: string | null } | null;
  payer: {
    id: string;
    user_id?: string | null;
    organization_id?: string | null;
  };
  totals: Record<"subtotal" | "tax_total" | "grand_total", ClerkBillingAmountJSON>;
  payment_source: {
    payment_method: string;
    card_type?: string | null;
    last4?: string | null;
  };
  subscription_items?: {
    id: string;
    status: string;
    plan_period?: string | null;
    period_start?: number | null;
    period_end?: number | null;
    amount?: ClerkBillingAmountJSON | null;
    // null when the plan no longer exists
    plan?: { id: string; name: string; slug: string } | null;
  }[];
};

type ClerkBillingAmountJSON = {
  amount: number;
  amount_formatted: string;
  currency: string;
  currency_symbol: string;
};

/** Maps Clerk's payload to the stored shape: nulls become absent fields, extra fields are dropped. */
export function transformWebhookData(data: ClerkPaymentAttemptJSON): PaymentAttemptData {
  const { payer, payment_source, totals } = data;
  return {
    payment_id: data.payment_id,
    attempt_id: data.id,
    status: data.status,
    charge_type: data.charge_type,
    statement_id: orUndefined(data.statement_id),
    gateway_external_id: orUndefined(data.gateway_external_id),
    created_at: data.created_at,
    updated_at: data.updated_at,
    billing_date: orUndefined(data.billing_date),
    paid_at: orUndefined(data.paid_at),
    failed_at: orUndefined(data.failed_at),
    failed_reason: data.failed_reason
      ? {
          code: data.failed_reason.code,
          decline_code: orUndefined(data.failed_reason.decline_code),
        }
      : undefined,
    payer: {
      id: payer.id,
      // "" means absent (as in subscription items); an organization payer is never also a user payer.
      user_id: payer.organization_id ? undefined : payer.user_id || undefined,
      organization_id: payer.organization_id || undefined,
    },
    totals: {
      subtotal: amount(totals.subtotal),
      tax_total: amount(totals.tax_total),
      grand_total: amount(totals.grand_total),
    },
    payment_source: {
      payment_method: payment_source.payment_method,
      card_type: orUndefined(payment_source.card_type),
      last4: orUndefined(payment_source.last4),
    },
    // An item without a plan has nothing to show in a payment history.
    subscription_items: (data.subscription_items ?? []).flatMap((item) =>
      item.plan
        ? [
            {
              id: item.id,
              status: item.status,
              plan_period: orUndefined(item.plan_period),
              period_start: orUndefined(item.period_start),
              period_end: orUndefined(item.period_end),
              amount: item.amount ? amount(item.amount) : undefined,
              plan: {
                id: item.plan.id,
                name: item.plan.name,
                slug: item.plan.slug,
              },
            },
          ]
        : [],
    ),
  };
}

function amount(a: ClerkBillingAmountJSON): Infer<typeof billingAmount> {
  return {
    amount: a.amount,
    amount_formatted: a.amount_formatted,
    currency: a.currency,
    currency_symbol: a.currency_symbol,
  };
}

// Convex drops object fields whose value is undefined, so this turns null into "absent".
function orUndefined<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}
