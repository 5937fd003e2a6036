// A module of its own that imports nothing: the event handlers (users.ts, organizations.ts, paymentAttempts.ts,
// subscriptions.ts) use it, and webhookEvents.ts imports them through clerkEvents.ts, so taking it from there
// would make an import cycle.

/**
 * Whether an event's version of an object is newer than the stored one, by Clerk's `updated_at` (ms); Clerk does not
 * promise ordered delivery. With equal times, `stage` (the later stage of the object's life wins) decides, if given;
 * without it the stored version stays, so an equal `updated_at` never downgrades a row.
 */
export function isNewer(
  incoming: number,
  stored: number,
  stage?: { incoming: number; stored: number },
): boolean {
  return (
    incoming > stored ||
    (incoming === stored && stage !== undefined && stage.incoming > stage.stored)
  );
}
