import type { QueryCtx } from "../_generated/server";
import { subscriptionsOf } from "./billingProvider";
import { appError } from "./errors";
import type { Owner } from "./owners";
import type { Subscription } from "./subscription";

/*
 * Who is on which plan, from the subscriptions the billing provider keeps in Convex (model/billingProvider.ts),
 * never from a claim the client sends.
 */

/** The slugs of the plans that these subscriptions grant now, sorted. */
export function grantedPlans(subscriptions: readonly Subscription[]): string[] {
  const slugs = new Set<string>();
  for (const { plan, grantsPlan } of subscriptions) {
    if (grantsPlan && plan) slugs.add(plan.slug);
  }
  return [...slugs].sort();
}

/**
 * The slugs of the plans an owner is on: a user's (subscriptions the user pays for) or, with teams, a team's. A
 * team's plan grants its members nothing as users, and a user's plan grants their teams nothing. Takes the owner,
 * so scheduled functions (which have no signed-in user) can check plans too.
 */
export async function plansOf(ctx: QueryCtx, owner: Owner): Promise<string[]> {
  return grantedPlans(await subscriptionsOf(ctx, owner));
}

/**
 * Whether the signed-in caller (the JWT `subject`, Clerk's user id) is on the plan with this slug; with `owner`
 * (model/owners.ts: the caller's active team, say), whether that owner is.
 */
export async function hasPlan(ctx: QueryCtx, slug: string, owner?: Owner): Promise<boolean> {
  const payer = owner ?? (await callerAsUser(ctx));
  return payer !== null && (await plansOf(ctx, payer)).includes(slug);
}

/**
 * Throws unless the signed-in caller (or `owner`) is on the plan with this slug: ConvexError
 * `{ code: "NOT_SIGNED_IN" }` when signed out, else `{ code: "PLAN_REQUIRED", plan: slug }`. ConvexError data
 * reaches the client.
 */
export async function requirePlan(ctx: QueryCtx, slug: string, owner?: Owner): Promise<void> {
  const payer = owner ?? (await callerAsUser(ctx));
  if (payer === null) {
    throw appError({ code: "NOT_SIGNED_IN" });
  }
  if (!(await plansOf(ctx, payer)).includes(slug)) {
    throw appError({ code: "PLAN_REQUIRED", plan: slug });
  }
}

async function callerAsUser(ctx: QueryCtx): Promise<Owner | null> {
  const identity = await ctx.auth.getUserIdentity();
  return identity === null ? null : { kind: "user", id: identity.subject };
}
