import { internal } from "./_generated/api";
import type { ActionCtx } from "./_generated/server";
import { paymentAttemptEventHandlers } from "./paymentAttempts";
import { userEventHandlers } from "./users";

/**
 * The Clerk webhook events this backend acts on, by event type. http.ts verifies every
 * delivery and dispatches it here; event types not listed are acknowledged and ignored.
 *
 * The payments layer's version: user events, plus Clerk Billing's payment attempts.
 * Each handler receives the event's `data`.
 */
export const clerkEventHandlers = {
  "user.created": thenRelinkPayments(userEventHandlers["user.created"]),
  "user.updated": thenRelinkPayments(userEventHandlers["user.updated"]),
  "user.deleted": thenRelinkPayments(userEventHandlers["user.deleted"]),
  ...paymentAttemptEventHandlers,
};

/** Keeps paymentAttempts.userId in step with the users row the user event just changed. */
function thenRelinkPayments(
  handler: (ctx: ActionCtx, data: unknown) => Promise<void>,
) {
  return async (ctx: ActionCtx, data: unknown): Promise<void> => {
    await handler(ctx, data);
    const { id } = data as { id?: string };
    if (id !== undefined) {
      await ctx.runMutation(internal.paymentAttempts.relinkPayer, {
        clerkUserId: id,
      });
    }
  };
}
