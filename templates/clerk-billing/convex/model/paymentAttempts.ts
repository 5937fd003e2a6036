import { internal } from "../_generated/api";
import type { MutationCtx } from "../_generated/server";
import { type ClerkEventHandler, isNewer, type Outcome } from "./clerkEventHandler";
import {
  type ClerkPaymentAttemptJSON,
  type PaymentAttemptData,
  paymentAttemptDataValidator,
  transformWebhookData,
} from "./paymentAttemptTypes";
import { isDeletedUser } from "./users";

// With equal `updated_at`s, the later state wins: a payment goes pending → failed or paid.
const paymentRank: Record<string, number> = { pending: 0, failed: 1, paid: 2 };

/**
 * Applies paymentAttempt.created / .updated: upserts the payment by `payment_id`. An event older than the
 * stored one (webhooks arrive out of order) is ignored, so a late "pending" cannot undo "paid". A payer whose
 * user was deleted is stored without personal data.
 */
export async function savePaymentAttempt(
  ctx: MutationCtx,
  data: PaymentAttemptData,
): Promise<Outcome> {
  const { user_id } = data.payer;
  const payment =
    user_id !== undefined && (await isDeletedUser(ctx, user_id)) ? withoutPersonalData(data) : data;
  const existing = await ctx.db
    .query("paymentAttempts")
    .withIndex("by_payment_id", (q) => q.eq("payment_id", data.payment_id))
    .unique();
  if (existing === null) {
    await ctx.db.insert("paymentAttempts", payment);
    return { outcome: "processed" };
  }
  const rank = (status: string) => paymentRank[status] ?? 0;
  const stage = { incoming: rank(data.status), stored: rank(existing.status) };
  if (!isNewer(data.updated_at, existing.updated_at, stage)) {
    return { outcome: "ignored", reason: "not newer than the stored payment" };
  }
  // replace, not patch: fields that became null in Clerk's payload must disappear here too
  await ctx.db.replace("paymentAttempts", existing._id, payment);
  return { outcome: "processed" };
}

/** How many payments one transaction scrubs. */
export const SCRUB_BATCH = 500;

/**
 * Removes the personal data (names, email, image) from a deleted user's payments. Amounts, status and
 * ids stay for accounting. The first SCRUB_BATCH run in user.deleted's mutation (clerkEvents.ts), the rest in
 * scheduled batches (internal.paymentAttempts.scrubPayer), so no transaction grows with the payer's history.
 */
export async function scrubPayerPersonalData(
  ctx: MutationCtx,
  clerkUserId: string,
  cursor: string | null = null,
): Promise<void> {
  const { page, isDone, continueCursor } = await ctx.db
    .query("paymentAttempts")
    .withIndex("by_payer_user_id_and_created_at", (q) => q.eq("payer.user_id", clerkUserId))
    .paginate({ numItems: SCRUB_BATCH, cursor });
  for (const payment of page) {
    const { payer } = withoutPersonalData(payment);
    await ctx.db.patch("paymentAttempts", payment._id, { payer });
  }
  if (!isDone) {
    await ctx.scheduler.runAfter(0, internal.paymentAttempts.scrubPayer, {
      clerkUserId,
      cursor: continueCursor,
    });
  }
}

/** The payment with only the payer's ids (and an organization payer's name, which is not personal). */
function withoutPersonalData<T extends Pick<PaymentAttemptData, "payer">>(payment: T): T {
  const { id, user_id, organization_id, organization_name } = payment.payer;
  return {
    ...payment,
    payer: { id, user_id, organization_id, organization_name },
  };
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
