import type { QueryCtx } from "./_generated/server";
import { hasPlan } from "./entitlements";
import type { Owner } from "./owners";
import { PRO_PLAN } from "./plans";

/** How many projects an owner on the free plan may have. */
export const FREE_PROJECT_LIMIT = 3;

/** How many projects this owner may have; null for no limit. The Pro plan (the owner's: a user's or a team's) lifts it. */
export async function projectLimit(ctx: QueryCtx, owner: Owner): Promise<number | null> {
  return (await hasPlan(ctx, PRO_PLAN, owner)) ? null : FREE_PROJECT_LIMIT;
}
