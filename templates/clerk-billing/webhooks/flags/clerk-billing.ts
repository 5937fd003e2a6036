// webhook:send's flags for Clerk Billing's events (the contract: the top of ../send.ts).
import { randomUUID } from "node:crypto";
import type { ClerkEvent, Flag } from "../send";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
/** subscription.* events list their items in data.items; subscriptionItem.* events are one item. */
const items = ({ data }: ClerkEvent): Json[] =>
  Array.isArray(data.items) ? [data, ...data.items.filter(isObject)] : [data];
const freshId = (prefix: string) => `${prefix}_${randomUUID().replaceAll("-", "")}`;

const flags: Flag[] = [
  {
    name: "user",
    help: "… the payer of paymentAttempt.*, subscription.* and subscriptionItem.* events",
    apply: ({ data }, userId) => {
      if (!isObject(data.payer) || !("user_id" in data.payer)) return false;
      if (userId) data.payer.user_id = userId;
      return true;
    },
  },
  {
    name: "plan",
    help: "plan slug (e.g. pro) of subscription.* and subscriptionItem.* events",
    apply: (event, slug) => {
      const plans = items(event).flatMap((item) => (isObject(item.plan) ? [item.plan] : []));
      if (slug) for (const plan of plans) plan.slug = slug;
      return plans.length > 0;
    },
  },
  {
    name: "payment",
    help: "payment id (cpa_...) of paymentAttempt.* events, to send one payment again; default: a new one",
    apply: ({ data }, paymentId) => {
      if (typeof data.payment_id !== "string") return false;
      data.payment_id = paymentId ?? freshId("cpa");
      if (!paymentId && typeof data.id === "string") data.id = freshId("pa");
      return true;
    },
  },
  {
    // Each item's updated_at is the event's (now), so the backend takes every item as the newest.
    apply: (event) => {
      for (const item of items(event)) {
        if (typeof item.updated_at === "number") item.updated_at = event.data.updated_at;
      }
    },
  },
];
export default flags;
