import type { QueryCtx } from "../_generated/server";
import type { Owner } from "./owners";

/** How many projects an owner may have unless something lifts the limit. */
export const FREE_PROJECT_LIMIT = 3;

/** What lifts the limit, by name: an owner for whom one of these answers true has no limit. */
const liftsLimit: Record<string, (ctx: QueryCtx, owner: Owner) => Promise<boolean>> = {
  // @slot liftsLimit
};

/** How many projects this owner may have; null for no limit. */
export async function projectLimit(ctx: QueryCtx, owner: Owner): Promise<number | null> {
  for (const lifts of Object.values(liftsLimit)) {
    if (await lifts(ctx, owner)) return null;
  }
  return FREE_PROJECT_LIMIT;
}
