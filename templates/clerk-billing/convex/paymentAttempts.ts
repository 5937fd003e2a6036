import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import { internalMutation, query } from "./_generated/server";
import { ownerRefValidator } from "./model/clerkEventHandler";
import { can, getOwner } from "./model/owners";
import { deletePaymentsOf, paymentsOf } from "./model/paymentAttempts";

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

/** The Clerk permission that lets a team member see the team's payments (model/owners.ts `can`: admins hold it too). */
export const MANAGE_BILLING = "org:billing:manage";

/**
 * The active owner's payments, newest first: the signed-in user's own, or with teams the active team's for members
 * allowed to manage its billing. Anyone else (signed out, other members): an empty, finished page.
 */
export const list = query({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(paymentSummary),
  handler: async (ctx, { paginationOpts }) => {
    const owner = await getOwner(ctx);
    if (owner === null || !can(owner, MANAGE_BILLING)) {
      return { page: [], isDone: true, continueCursor: "" };
    }
    const result = await paymentsOf(ctx, owner).order("desc").paginate(paginationOpts);
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

/** The next batch of a deleted payer's payments (model/paymentAttempts.ts deletePaymentsOf). */
export const deleteAllOf = internalMutation({
  args: { owner: ownerRefValidator },
  returns: v.null(),
  handler: async (ctx, { owner }): Promise<null> => {
    await deletePaymentsOf(ctx, owner);
    return null;
  },
});
