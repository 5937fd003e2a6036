import {
  paginationOptsValidator,
  paginationResultValidator,
} from "convex/server";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import {
  type ActionCtx,
  internalMutation,
  type MutationCtx,
  query,
} from "./_generated/server";
import {
  type ClerkPaymentAttemptJSON,
  paymentAttemptDataValidator,
  transformWebhookData,
} from "./paymentAttemptTypes";
import schema from "./schema";
import { userByExternalId } from "./users";

const paymentAttemptDoc = v.object({
  _id: v.id("paymentAttempts"),
  _creationTime: v.number(),
  ...schema.tables.paymentAttempts.validator.fields,
});

/** The signed-in user's payments, newest first. Signed out: an empty, finished page. */
export const listForCurrentUser = query({
  args: { paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(paymentAttemptDoc),
  handler: async (ctx, { paginationOpts }) => {
    const identity = await ctx.auth.getUserIdentity();
    if (identity === null) {
      return { page: [], isDone: true, continueCursor: "" };
    }
    return await ctx.db
      .query("paymentAttempts")
      .withIndex("byPayerUserId", (q) =>
        q.eq("payer.user_id", identity.subject),
      )
      .order("desc")
      .paginate(paginationOpts);
  },
});

/**
 * Upserts a payment by `payment_id`. Idempotent for redeliveries; an event older than the
 * stored one (webhooks can arrive out of order) is skipped so a retry cannot undo "paid".
 */
export const savePaymentAttempt = internalMutation({
  args: { data: paymentAttemptDataValidator },
  returns: v.id("paymentAttempts"),
  handler: async (ctx, { data }) => {
    const userId = await payerUserId(ctx, data.payer.user_id);
    const existing = await ctx.db
      .query("paymentAttempts")
      .withIndex("byPaymentId", (q) => q.eq("payment_id", data.payment_id))
      .unique();
    if (existing === null) {
      return await ctx.db.insert("paymentAttempts", { ...data, userId });
    }
    if (data.updated_at >= existing.updated_at) {
      // replace, not patch: fields that became null in Clerk's payload must disappear here too
      await ctx.db.replace(existing._id, { ...data, userId });
    }
    return existing._id;
  },
});

/**
 * Points a Clerk user's payments at their current users row, or unlinks them when the user
 * is gone. Runs after every user event, as payments can arrive before user.created.
 */
export const relinkPayer = internalMutation({
  args: { clerkUserId: v.string() },
  returns: v.null(),
  handler: async (ctx, { clerkUserId }) => {
    const userId = await payerUserId(ctx, clerkUserId);
    const payments = ctx.db
      .query("paymentAttempts")
      .withIndex("byPayerUserId", (q) => q.eq("payer.user_id", clerkUserId));
    for await (const payment of payments) {
      if (payment.userId !== userId) {
        await ctx.db.patch(payment._id, { userId });
      }
    }
    return null;
  },
});

async function payerUserId(
  ctx: MutationCtx,
  clerkUserId: string | undefined,
): Promise<Id<"users"> | undefined> {
  if (clerkUserId === undefined) return undefined; // an organization payer
  const user = await userByExternalId(ctx, clerkUserId);
  return user?._id;
}

async function savePayment(ctx: ActionCtx, data: unknown): Promise<void> {
  // `data` is signed by Clerk; savePaymentAttempt's validator checks what we keep.
  await ctx.runMutation(internal.paymentAttempts.savePaymentAttempt, {
    data: transformWebhookData(data as ClerkPaymentAttemptJSON),
  });
}

/** Webhook handlers for Clerk Billing's payment attempt events; wired up in clerkEvents.ts. */
export const paymentAttemptEventHandlers = {
  "paymentAttempt.created": savePayment,
  "paymentAttempt.updated": savePayment,
};
