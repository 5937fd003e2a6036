import type { OwnerRef } from "./clerkEventHandler";

/**
 * The owner a Clerk Billing payer is (of a payment or a subscription item, stored with `payer` ids): a team when Clerk
 * names an organization, else a user; null when Clerk named neither.
 */
export function payerOf({
  payer,
}: {
  payer: { user_id?: string; organization_id?: string };
}): OwnerRef | null {
  if (payer.organization_id !== undefined) return { kind: "team", id: payer.organization_id };
  return payer.user_id !== undefined ? { kind: "user", id: payer.user_id } : null;
}
