import type { QueryCtx } from "./_generated/server";
import type { Owner } from "./owners";

/** How many projects an owner on the free plan may have. */
export const FREE_PROJECT_LIMIT = 3;

/** How many projects this owner may have; null for no limit. Without payments there is only the free plan. */
export const projectLimit: (ctx: QueryCtx, owner: Owner) => Promise<number | null> = async () =>
  FREE_PROJECT_LIMIT;
