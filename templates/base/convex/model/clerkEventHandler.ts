import { type Infer, v, type Validator } from "convex/values";
import type { MutationCtx } from "../_generated/server";

/** What applying one Clerk event did. `ignored` says why (an older version, a deleted user...). */
export const outcomeValidator = v.union(
  v.object({ outcome: v.literal("processed") }),
  v.object({ outcome: v.literal("ignored"), reason: v.string() }),
);
export type Outcome = Infer<typeof outcomeValidator>;

/**
 * How the webhook handles one Clerk event type (clerkEvents.ts lists them):
 * - `parse` runs in the HTTP action: it picks the fields we use from Clerk's JSON, so that
 * - `data`, a Convex validator, can check them before `apply` runs, and
 * - `apply` runs inside the event's one mutation, so an event is applied whole or not at all.
 */
export type ClerkEventHandler<Data> = {
  data: Validator<Data, "required", string>;
  parse(raw: unknown): Data;
  apply(ctx: MutationCtx, data: Data): Promise<Outcome>;
};

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

/** An owner (model/owners.ts) by kind and Clerk id, as deletions and scheduled work refer to it. */
export type OwnerRef = { kind: "user" | "team"; id: string };

/** Convex's validator for an OwnerRef, for scheduled functions' arguments. */
export const ownerRefValidator = v.object({
  kind: v.union(v.literal("user"), v.literal("team")),
  id: v.string(),
});

/**
 * Removes what a feature keeps about a deleted owner (a user on user.deleted, a team on organization.deleted): a first
 * batch in the event's mutation, the rest in scheduled batches, so no transaction grows with the owner's data.
 */
export type OwnerDeletedCleanup = (ctx: MutationCtx, owner: OwnerRef) => Promise<void>;
