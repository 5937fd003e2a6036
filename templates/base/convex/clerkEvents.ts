import { deleteProjectsOf } from "./model/projects";
import { type UserDeletedCleanup, userEventHandlers } from "./model/users";

/*
 * The Clerk webhook events this backend acts on. http.ts verifies every delivery and applies it through
 * webhookEvents.ts; event types not listed are logged and ignored.
 */

/**
 * What user.deleted removes besides the user's row, by the feature that keeps it: run in this order, in the event's
 * mutation, after the row is deleted and the id remembered.
 */
const onUserDeleted: Record<string, UserDeletedCleanup> = {
  projects: deleteProjectsOf,
  // @slot userDeleted
};

/** The handler of each Clerk event type this backend acts on. */
export const clerkEventHandlers = {
  ...userEventHandlers(Object.values(onUserDeleted)),
  // @slot handlers
};

export type ClerkEventType = keyof typeof clerkEventHandlers;

export function isHandled(type: string): type is ClerkEventType {
  return Object.hasOwn(clerkEventHandlers, type);
}
