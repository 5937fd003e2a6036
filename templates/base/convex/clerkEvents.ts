import { userEventHandlers } from "./users";

/**
 * The Clerk webhook events this backend acts on, by event type. http.ts verifies every delivery
 * and applies it through webhookEvents.ts; event types not listed are logged and ignored.
 *
 * This is the one file a feature layer replaces to subscribe to more events
 * (the payments layer adds paymentAttempt.*, subscription.* and subscriptionItem.*).
 */
export const clerkEventHandlers = {
  ...userEventHandlers(),
};
