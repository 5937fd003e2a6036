import { type Infer, v } from "convex/values";
import type { MutationCtx } from "./_generated/server";
import type { Outcome, OwnerDeletedCleanup } from "./model/clerkEventHandler";
import { deleteProjectsOf } from "./model/projects";
import { forgetSyncRequests } from "./model/syncUsers";
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
  syncRequests: forgetSyncRequests,
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

/** Every handled event as `{ type, data }`, each type with its own data validator. */
export const handledEventValidator = v.union(
  ...Object.entries(clerkEventHandlers).map(([type, handler]) =>
    v.object({ type: v.literal(type), data: handler.data }),
  ),
);
export type HandledEvent = Infer<typeof handledEventValidator>;

/**
 * Applies one event with its handler, inside the caller's mutation: the webhook's (webhookEvents.ts) and
 * reconciliation's (clerkSync.ts), so both follow the same rules.
 */
export async function applyEvent(ctx: MutationCtx, event: HandledEvent): Promise<Outcome> {
  const handler: { apply(ctx: MutationCtx, data: never): Promise<Outcome> } =
    clerkEventHandlers[event.type as ClerkEventType];
  // Convex has checked event.data against this event type's validator (handledEventValidator).
  return await handler.apply(ctx, event.data as never);
}
