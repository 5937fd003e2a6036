import { userEventHandlers } from "./users";

/**
 * The Clerk webhook events this backend acts on, by event type. http.ts verifies every
 * delivery and dispatches it here; event types not listed are acknowledged and ignored.
 *
 * This is the one file a feature layer replaces to subscribe to more events
 * (the payments layer adds paymentAttempt.*). Each handler receives the event's `data`.
 */
export const clerkEventHandlers = {
  ...userEventHandlers,
};
