import type { Subscription as StoredSubscription } from "@convex-dev/polar";
import type { Subscription as PolarSubscription } from "@polar-sh/sdk/models/components/subscription.js";

/*
 * Polar's subscriptions as the Polar component stores them (one row per subscription, the newest `modified_at` wins),
 * and which of them grant their plan.
 */

export type { StoredSubscription };

/** How long a past_due subscription keeps granting its plan while Polar retries the charge. */
export const PAST_DUE_GRACE_MS = 3 * 24 * 60 * 60 * 1000;

const at = (iso: string | null | undefined) => (iso ? Date.parse(iso) : undefined);

/**
 * Whether a subscription grants its plan at `now` (ms). Statuses are Polar's (SubscriptionStatus):
 * - trialing: until the trial ends (`trial_end`); Polar makes it active when the first charge succeeds;
 * - active: yes; once canceled at the period end (`cancel_at_period_end`), until `ends_at`;
 * - past_due: a renewal charge failed and Polar retries it: PAST_DUE_GRACE_MS from the start of the unpaid period
 *   (`current_period_start`), then no, until Polar reports it paid (active) or ended (canceled, unpaid);
 * - canceled: no. A cancellation at the period end keeps the status active (with `ends_at`) until the period is
 *   over; then, or when revoked at once, or when Polar stops retrying a past_due charge, it becomes canceled;
 * - incomplete, incomplete_expired (the first payment never succeeded), unpaid, paused, and any status Polar adds
 *   later: no.
 */
export function grantsPlan(subscription: StoredSubscription, now: number): boolean {
  const ended = at(subscription.endedAt);
  if (ended !== undefined && ended <= now) return false;
  const endsAt = at(subscription.endsAt);
  const beforeEnd = endsAt === undefined || now < endsAt;
  switch (subscription.status) {
    case "trialing": {
      const trialEnd = at(subscription.trialEnd);
      return beforeEnd && (trialEnd === undefined || now < trialEnd);
    }
    case "active":
      return beforeEnd;
    case "past_due":
      return beforeEnd && now < Date.parse(subscription.currentPeriodStart) + PAST_DUE_GRACE_MS;
    default:
      return false;
  }
}

/**
 * When a subscription stops granting its plan on its own if nothing changes (a trial's end, `ends_at`, the end of a
 * past_due grace), in ms; undefined when it does not grant or has no such end. Polar's webhook normally says so
 * first; a re-check at that time (polarWebhook.ts) covers a lost one.
 */
export function grantEnds(subscription: StoredSubscription, now: number): number | undefined {
  if (!grantsPlan(subscription, now)) return undefined;
  const ends = [
    at(subscription.endsAt),
    subscription.status === "trialing" ? at(subscription.trialEnd) : undefined,
  ];
  if (subscription.status === "past_due") {
    ends.push(Date.parse(subscription.currentPeriodStart) + PAST_DUE_GRACE_MS);
  }
  const times = ends.filter((time): time is number => time !== undefined);
  return times.length === 0 ? undefined : Math.min(...times);
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/** A subscription from Polar's API or webhooks (as @polar-sh/sdk parses it), in the component's stored shape. */
export function toStoredSubscription(subscription: PolarSubscription): StoredSubscription {
  return {
    id: subscription.id,
    customerId: subscription.customerId,
    createdAt: subscription.createdAt.toISOString(),
    modifiedAt: iso(subscription.modifiedAt),
    productId: subscription.productId,
    checkoutId: subscription.checkoutId,
    amount: subscription.amount,
    currency: subscription.currency,
    recurringInterval: subscription.recurringInterval,
    recurringIntervalCount: subscription.recurringIntervalCount,
    status: subscription.status,
    currentPeriodStart: subscription.currentPeriodStart.toISOString(),
    currentPeriodEnd: iso(subscription.currentPeriodEnd),
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    canceledAt: iso(subscription.canceledAt),
    startedAt: iso(subscription.startedAt),
    endsAt: iso(subscription.endsAt),
    endedAt: iso(subscription.endedAt),
    trialStart: iso(subscription.trialStart),
    trialEnd: iso(subscription.trialEnd),
    discountId: subscription.discountId,
    seats: subscription.seats ?? null,
    // Kept empty: the customer's cancellation comment and custom fields are personal data this app does not use.
    customerCancellationReason: subscription.customerCancellationReason,
    customerCancellationComment: null,
    customFieldData: {},
    metadata: subscription.metadata,
  };
}
