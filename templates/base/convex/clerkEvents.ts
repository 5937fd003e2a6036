import type { OwnerDeletedCleanup } from "./model/clerkEventHandler";
import { deleteProjectsOf } from "./model/projects";
import { userEventHandlers } from "./model/users";

/*
 * The Clerk webhook events this backend acts on. http.ts verifies every delivery and applies it through
 * webhookEvents.ts; event types not listed are logged and ignored.
 */

/**
 * What deleting an owner (user.deleted, or with teams organization.deleted) removes besides its row, by the feature
 * that keeps it: run in this order, in the event's mutation, after the row is deleted and the id remembered. Each
 * removes a first batch and schedules the rest.
 */
const onOwnerDeleted: Record<string, OwnerDeletedCleanup> = {
  projects: (ctx, owner) => deleteProjectsOf(ctx, owner.id),
  // @slot ownerDeleted
};
const cleanups = Object.values(onOwnerDeleted);

/** The handler of each Clerk event type this backend acts on. */
export const clerkEventHandlers = {
  ...userEventHandlers(cleanups),
  // @slot handlers
};

export type ClerkEventType = keyof typeof clerkEventHandlers;

export function isHandled(type: string): type is ClerkEventType {
  return Object.hasOwn(clerkEventHandlers, type);
}
