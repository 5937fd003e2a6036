import { organizationEventHandlers, removeMembershipsOf } from "./organizations";
import { paymentAttemptEventHandlers, scrubPayerPersonalData } from "./paymentAttempts";
import { subscriptionEventHandlers } from "./subscriptions";
import { userEventHandlers } from "./users";
import type { ClerkEventHandler, Outcome } from "./webhookEvents";

const userDeleted = userEventHandlers["user.deleted"];

/**
 * The Clerk webhook events this backend acts on, by event type. http.ts verifies every delivery
 * and applies it through webhookEvents.ts; event types not listed are logged and ignored.
 *
 * With teams and payments: user events, organizations and memberships, and Clerk Billing's payment attempts,
 * subscriptions and subscription items. user.deleted also removes the user's memberships and their personal data
 * from their payments, in the same mutation.
 */
export const clerkEventHandlers = {
  ...userEventHandlers,
  "user.deleted": {
    ...userDeleted,
    apply: async (ctx, data): Promise<Outcome> => {
      const outcome = await userDeleted.apply(ctx, data);
      await removeMembershipsOf(ctx, data.id);
      await scrubPayerPersonalData(ctx, data.id);
      return outcome;
    },
  } satisfies ClerkEventHandler<{ id: string }>,
  ...organizationEventHandlers,
  ...paymentAttemptEventHandlers,
  ...subscriptionEventHandlers,
};
