import { internal } from "../_generated/api";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { type ClerkEventHandler, isNewer, type Outcome, type OwnerRef } from "./clerkEventHandler";
import {
  type ClerkPaymentAttemptJSON,
  type PaymentAttemptData,
  paymentAttemptDataValidator,
  transformWebhookData,
} from "./paymentAttemptTypes";
import { isDeletedOwner } from "./owners";
import { payerOf } from "./payers";

// With equal `updated_at`s, the later state wins: a payment goes pending → failed or paid.
const paymentRank: Record<string, number> = { pending: 0, failed: 1, paid: 2 };

/**
 * Applies paymentAttempt.created / .updated: upserts the payment by `payment_id`. An event older than the
 * stored one (webhooks arrive out of order) is ignored, so a late "pending" cannot undo "paid"; so is a payment of a
 * payer Clerk deleted (its payments were deleted with it).
 */
export async function savePaymentAttempt(
  ctx: MutationCtx,
  data: PaymentAttemptData,
): Promise<Outcome> {
  const payer = payerOf(data);
  if (payer !== null && (await isDeletedOwner(ctx, payer))) {
    return { outcome: "ignored", reason: "the payer was deleted" };
  }
  const existing = await ctx.db
    .query("paymentAttempts")
    .withIndex("by_payment_id", (q) => q.eq("payment_id", data.payment_id))
    .unique();
  if (existing === null) {
    await ctx.db.insert("paymentAttempts", data);
    return { outcome: "processed" };
  }
  const rank = (status: string) => paymentRank[status] ?? 0;
  const stage = { incoming: rank(data.status), stored: rank(existing.status) };
  if (!isNewer(data.updated_at, existing.updated_at, stage)) {
    return { outcome: "ignored", reason: "not newer than the stored payment" };
  }
  // replace, not patch: fields that became null in Clerk's payload must disappear here too
  await ctx.db.replace("paymentAttempts", existing._id, data);
  return { outcome: "processed" };
}

/** How many payments one transaction deletes. */
export const DELETE_PAYMENTS_BATCH = 500;

/**
 * Deletes a deleted payer's payments (a user's on user.deleted, a team's on organization.deleted; Clerk keeps its own
 * billing records): a first batch in the event's mutation, the rest in scheduled batches
 * (internal.paymentAttempts.deleteAllOf), so no transaction grows with the payer's history.
 */
export async function deletePaymentsOf(ctx: MutationCtx, owner: OwnerRef): Promise<void> {
  const payments = await paymentsOf(ctx, owner).take(DELETE_PAYMENTS_BATCH);
  for (const payment of payments) await ctx.db.delete("paymentAttempts", payment._id);
  if (payments.length === DELETE_PAYMENTS_BATCH) {
    await ctx.scheduler.runAfter(0, internal.paymentAttempts.deleteAllOf, { owner });
  }
}

/** An owner's payments, oldest first (`.order("desc")` for newest first). */
export function paymentsOf(ctx: QueryCtx, owner: OwnerRef) {
  return owner.kind === "user"
    ? ctx.db
        .query("paymentAttempts")
        .withIndex("by_payer_user_id_and_created_at", (q) => q.eq("payer.user_id", owner.id))
    : ctx.db
        .query("paymentAttempts")
        .withIndex("by_payer_organization_id_and_created_at", (q) =>
          q.eq("payer.organization_id", owner.id),
        );
}

const paymentAttemptSaved: ClerkEventHandler<PaymentAttemptData> = {
  data: paymentAttemptDataValidator,
  // Signed by Clerk; the mutation's validator checks what we keep.
  parse: (raw) => transformWebhookData(raw as ClerkPaymentAttemptJSON),
  apply: savePaymentAttempt,
};

/** Webhook handlers for Clerk Billing's payment attempt events; wired up in clerkEvents.ts. */
export const paymentAttemptEventHandlers = {
  "paymentAttempt.created": paymentAttemptSaved,
  "paymentAttempt.updated": paymentAttemptSaved,
};
