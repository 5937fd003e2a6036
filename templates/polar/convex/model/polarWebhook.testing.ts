// Test helpers for Polar's webhooks (two dots in the name: not deployed). A delivery is one of Polar's samples
// (webhooks/polar-samples, in the spec's shapes) with the fields a test sets, signed as Polar signs it.
import { Webhook } from "svix";
import active from "../../webhooks/polar-samples/subscription.active.json";
import canceled from "../../webhooks/polar-samples/subscription.canceled.json";
import created from "../../webhooks/polar-samples/subscription.created.json";
import pastDue from "../../webhooks/polar-samples/subscription.past_due.json";
import revoked from "../../webhooks/polar-samples/subscription.revoked.json";
import uncanceled from "../../webhooks/polar-samples/subscription.uncanceled.json";
import updated from "../../webhooks/polar-samples/subscription.updated.json";

/**
 * The endpoint secret vitest.config.ts sets as POLAR_WEBHOOK_SECRET (the Polar component reads it when it loads).
 * With Polar's `whsec_` prefix, which is part of the signing key.
 */
export const POLAR_TEST_WEBHOOK_SECRET = "whsec_convex-saas-polar-test-secret";

const samples = {
  "subscription.created": created,
  "subscription.updated": updated,
  "subscription.active": active,
  "subscription.canceled": canceled,
  "subscription.uncanceled": uncanceled,
  "subscription.revoked": revoked,
  "subscription.past_due": pastDue,
};

export type PolarSubscriptionEventType = keyof typeof samples;

/** A subscription's fields that tests set, with Polar's names (Subscription in Polar's spec); dates in ISO 8601. */
export type SubscriptionFields = {
  id?: string;
  status?: string;
  modified_at?: string | null;
  current_period_start?: string;
  current_period_end?: string | null;
  cancel_at_period_end?: boolean;
  canceled_at?: string | null;
  ends_at?: string | null;
  ended_at?: string | null;
  trial_start?: string | null;
  trial_end?: string | null;
  /** Also the id of the subscription's `customer`. */
  customer_id?: string;
  /** The id the customer was created with (the owner's Clerk id, set by polar.ts's checkout); null: none. */
  external_id?: string | null;
  product_id?: string;
  metadata?: Record<string, string>;
};

/** The event Polar sends for `type`: its sample, with `fields` set. */
export function polarSubscriptionEvent(
  type: PolarSubscriptionEventType,
  { customer_id, external_id, ...fields }: SubscriptionFields = {},
) {
  const sample = structuredClone(samples[type]);
  const data = { ...sample.data, ...fields };
  const customer = { ...data.customer };
  if (customer_id !== undefined) [data.customer_id, customer.id] = [customer_id, customer_id];
  if (external_id !== undefined) Object.assign(customer, { external_id });
  return { ...sample, timestamp: new Date().toISOString(), data: { ...data, customer } };
}

/**
 * A webhook delivery signed as Polar signs it (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature),
 * for `t.fetch(POLAR_WEBHOOK_PATH, …)`. `id`: the same id again is a redelivery; `at`: the signing time (now);
 * `secret`: another endpoint's secret.
 */
export function signedPolarWebhook(
  payload: unknown,
  {
    id = crypto.randomUUID(),
    at = new Date(),
    secret = POLAR_TEST_WEBHOOK_SECRET,
  }: { id?: string; at?: Date; secret?: string } = {},
): RequestInit {
  const body = JSON.stringify(payload);
  // Standard Webhooks signs as Svix does. Polar's key is the secret's own bytes, prefix included, which Svix (like
  // Polar's SDK) takes base64-encoded.
  const key = btoa(String.fromCharCode(...new TextEncoder().encode(secret)));
  return {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(key).sign(id, at, body),
    },
    body,
  };
}
