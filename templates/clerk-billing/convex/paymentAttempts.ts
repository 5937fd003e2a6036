import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import { internalMutation, query } from "./_generated/server";
import { scrubPayerPersonalData } from "./model/paymentAttempts";

/** One payment as the payment history shows it: no Stripe ids, no payer details. */
const paymentSummary = v.object({
  _id: v.id("paymentAttempts"),
  status: v.string(),
  created_at: v.number(),
  paid_at: v.optional(v.number()),
  plans: v.array(v.string()),
  payment_method: v.string(),
  card_type: v.optional(v.string()),
  last4: v.optional(v.string()),
  amount_formatted: v.string(),
});

/** The signed-in user's payments, newest first. Signed out: an empty, finished page. */
export const listForCurrentUser = query({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(paymentSummary),
  handler: async (ctx, { paginationOpts }) => {
    const identity = await ctx.auth.getUserIdentity();
    if (identity === null) {
      return { page: [], isDone: true, continueCursor: "" };
    }
    const result = await ctx.db
      .query("paymentAttempts")
      .withIndex("by_payer_user_id_and_created_at", (q) => q.eq("payer.user_id", identity.subject))
      .order("desc")
      .paginate(paginationOpts);
    return { ...result, page: result.page.map(summarize) };
  },
});

function summarize(payment: Doc<"paymentAttempts">) {
  return {
    _id: payment._id,
    status: payment.status,
    created_at: payment.created_at,
    paid_at: payment.paid_at,
    plans: payment.subscription_items.map((item) => item.plan.name),
    payment_method: payment.payment_source.payment_method,
    card_type: payment.payment_source.card_type,
    last4: payment.payment_source.last4,
    amount_formatted: payment.totals.grand_total.amount_formatted,
  };
}

/** The next batch of a deleted payer's payments to scrub (model/paymentAttempts.ts scrubPayerPersonalData). */
export const scrubPayer = internalMutation({
  args: { clerkUserId: v.string(), cursor: v.string() },
  returns: v.null(),
  handler: async (ctx, { clerkUserId, cursor }): Promise<null> => {
    await scrubPayerPersonalData(ctx, clerkUserId, cursor);
    return null;
  },
});
