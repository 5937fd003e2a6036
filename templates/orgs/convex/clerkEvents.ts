import { organizationEventHandlers, removeMembershipsOf } from "./organizations";
import { userEventHandlers } from "./users";
import type { ClerkEventHandler, Outcome } from "./webhookEvents";

const userDeleted = userEventHandlers["user.deleted"];

/**
 * The Clerk webhook events this backend acts on, by event type. http.ts verifies every delivery
 * and applies it through webhookEvents.ts; event types not listed are logged and ignored.
 *
 * The teams layer's version: user events, plus organizations and memberships. user.deleted also removes the
 * user's memberships, in the same mutation.
 */
export const clerkEventHandlers = {
  ...userEventHandlers,
  "user.deleted": {
    ...userDeleted,
    apply: async (ctx, data): Promise<Outcome> => {
      const outcome = await userDeleted.apply(ctx, data);
      await removeMembershipsOf(ctx, data.id);
      return outcome;
    },
  } satisfies ClerkEventHandler<{ id: string }>,
  ...organizationEventHandlers,
};
