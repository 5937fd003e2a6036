import { organizationEventHandlers, removeMembershipsOf } from "./organizations";
import { userEventHandlers } from "./users";

/**
 * The Clerk webhook events this backend acts on, by event type. http.ts verifies every delivery
 * and applies it through webhookEvents.ts; event types not listed are logged and ignored.
 *
 * The teams layer's version: user events, plus organizations and memberships. user.deleted also removes the
 * user's memberships, in the same mutation.
 */
export const clerkEventHandlers = {
  ...userEventHandlers(removeMembershipsOf),
  ...organizationEventHandlers,
};
