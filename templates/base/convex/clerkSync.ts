import { v } from "convex/values";
import { internal } from "./_generated/api";
import { type ActionCtx, internalAction, internalMutation, mutation } from "./_generated/server";
import { applyEvent, handledEventValidator } from "./clerkEvents";
import { type OwnerRef, ownerRefValidator } from "./model/clerkEventHandler";
import { ClerkApiError } from "./model/clerkApi";
import { appError } from "./model/errors";
import { listUserIds, syncUser } from "./model/syncUsers";
import { createUserFromSession } from "./model/users";

/*
 * Reconciliation with Clerk's Backend API. What the webhooks keep is fetched from Clerk and applied with the webhook's
 * own handlers (clerkEvents.ts), so the newest `updated_at` wins and deleted stays deleted. It heals what a webhook
 * missed: a delivery Svix gave up on, events from before the endpoint subscribed to them, a user who signs in before
 * user.created arrives (in development Clerk cannot reach the deployment at all). Needs CLERK_SECRET_KEY on the
 * deployment; without it, nothing is fetched and the logs say so.
 *
 * It runs when a signed-in session asks (requestSync, rate-limited), for everyone (backfill), and when a feature
 * re-checks an owner (model/subscriptionItems.ts at a canceled item's period end).
 */

/** What one feature fetches from Clerk about an owner and applies (each ignores the owner kinds it does not keep). */
type SyncSource = (ctx: ActionCtx, owner: OwnerRef) => Promise<void>;

/** Each feature's source, run in this order. */
const sources: Record<string, SyncSource> = {
  user: syncUser,
  // @slot sources
};

/** A page of owner ids for the backfill, by kind, and the cursor of the next page (none after the last). */
type ListOwners = (
  cursor: string | undefined,
  limit: number,
) => Promise<{ ids: string[]; next?: string } | undefined>;

/** The owners the backfill visits, kind after kind. */
const listOwners: Partial<Record<OwnerRef["kind"], ListOwners>> = {
  user: listUserIds,
  // @slot owners
};

/** How often one user may ask for a sync. */
export const SYNC_INTERVAL_MS = 60_000;
/** How many times a sync rate-limited by Clerk (429) is tried again, after Clerk's Retry-After. */
const MAX_ATTEMPTS = 3;
/** The time between two owners' syncs in the backfill (Clerk allows 100 requests per 10 s in development). */
export const BACKFILL_SPACING_MS = 500;

/**
 * Called by the UI when the signed-in session says something Convex lacks (no user row yet, a plan or a team Convex
 * does not know). Creates the caller's user row from the session if Clerk's user.created has not arrived, and, at
 * most once per SYNC_INTERVAL_MS per user, schedules a sync of the caller and their active team.
 */
export const requestSync = mutation({
  args: {},
  returns: v.object({ scheduled: v.boolean() }),
  handler: async (ctx) => {
    const identity = await ctx.auth.getUserIdentity();
    if (identity === null) throw appError({ code: "NOT_SIGNED_IN" });
    await createUserFromSession(ctx, identity);

    const now = Date.now();
    const last = await ctx.db
      .query("clerkSyncRequests")
      .withIndex("by_userId", (q) => q.eq("userId", identity.subject))
      .unique();
    if (last !== null && now - last.requestedAt < SYNC_INTERVAL_MS) return { scheduled: false };
    if (last === null) {
      await ctx.db.insert("clerkSyncRequests", { userId: identity.subject, requestedAt: now });
    } else {
      await ctx.db.patch("clerkSyncRequests", last._id, { requestedAt: now });
    }

    const owners: OwnerRef[] = [{ kind: "user", id: identity.subject }];
    // @slot sessionOwners
    for (const owner of owners) {
      await ctx.scheduler.runAfter(0, internal.clerkSync.reconcile, { owner });
    }
    return { scheduled: true };
  },
});

/** Fetches what every feature keeps about one owner from Clerk and applies it. */
export const reconcile = internalAction({
  args: { owner: ownerRefValidator, attempt: v.optional(v.number()) },
  returns: v.null(),
  handler: async (ctx, { owner, attempt = 1 }) => {
    for (const [name, sync] of Object.entries(sources)) {
      try {
        await sync(ctx, owner);
      } catch (error) {
        if (
          error instanceof ClerkApiError &&
          error.retryAfterMs !== undefined &&
          attempt < MAX_ATTEMPTS
        ) {
          await ctx.scheduler.runAfter(error.retryAfterMs, internal.clerkSync.reconcile, {
            owner,
            attempt: attempt + 1,
          });
          return null;
        }
        const why = error instanceof Error ? error.message : String(error);
        console.error(`Could not sync the ${name} of ${owner.kind} ${owner.id} from Clerk: ${why}`);
      }
    }
    return null;
  },
});

/**
 * Syncs every user (and with teams every team) with Clerk, `pageSize` owners at a time (100 unless given; Clerk
 * lists at most 500), one owner every BACKFILL_SPACING_MS: for a deployment whose webhook missed events, or that
 * starts after users signed up. Run it with `npx convex run clerkSync:backfill` (add --prod for production).
 */
export const backfill = internalAction({
  args: {
    kind: v.optional(ownerRefValidator.fields.kind),
    cursor: v.optional(v.string()),
    pageSize: v.optional(v.number()),
  },
  returns: v.null(),
  handler: async (ctx, { kind = "user", cursor, pageSize = 100 }) => {
    const list = listOwners[kind];
    if (list === undefined) throw appError({ code: "NO_SUCH_KIND", kind });
    const page = await list(cursor, pageSize);
    if (page === undefined) return null;
    for (const [i, id] of page.ids.entries()) {
      await ctx.scheduler.runAfter(i * BACKFILL_SPACING_MS, internal.clerkSync.reconcile, {
        owner: { kind, id },
      });
    }
    const kinds = Object.keys(listOwners) as OwnerRef["kind"][];
    const next =
      page.next !== undefined
        ? { kind, cursor: page.next, pageSize }
        : kinds.indexOf(kind) + 1 < kinds.length
          ? { kind: kinds[kinds.indexOf(kind) + 1], pageSize }
          : undefined;
    if (next !== undefined) {
      await ctx.scheduler.runAfter(
        page.ids.length * BACKFILL_SPACING_MS,
        internal.clerkSync.backfill,
        next,
      );
    }
    return null;
  },
});

/** Applies events fetched from Clerk, in one transaction, with the webhook's handlers (no webhookEvents entry). */
export const apply = internalMutation({
  args: { events: v.array(handledEventValidator) },
  returns: v.null(),
  handler: async (ctx, { events }) => {
    for (const event of events) await applyEvent(ctx, event);
    return null;
  },
});
