import { paymentAttemptEventHandlers, scrubPayerPersonalData } from "./paymentAttempts";
import { subscriptionEventHandlers } from "./subscriptions";
import { userEventHandlers } from "./users";

/**
 * The Clerk webhook events this backend acts on, by event type. http.ts verifies every delivery
 * and applies it through webhookEvents.ts; event types not listed are logged and ignored.
 *
 * The payments layer's version: user events, plus Clerk Billing's payment attempts, subscriptions and
 * subscription items. user.deleted also removes that user's personal data from their payments, in the
 * same mutation.
 */
export const clerkEventHandlers = {
  ...userEventHandlers(scrubPayerPersonalData),
  ...paymentAttemptEventHandlers,
  ...subscriptionEventHandlers,
};
