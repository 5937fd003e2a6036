import { v } from "convex/values";
import { query } from "./_generated/server";
import { requirePlan } from "./model/entitlements";
import { requireOwner } from "./model/owners";
import { PRO_PLAN } from "./plans";

/**
 * The example paid feature: data only Pro subscribers may read (the owner's plan: yours, or with teams your active
 * team's). The plan is checked here, on the server, so calling this query directly (with any client) gets
 * `PLAN_REQUIRED` without the plan.
 */
export const content = query({
  args: {},
  returns: v.object({ headline: v.string(), tips: v.array(v.string()) }),
  handler: async (ctx) => {
    await requirePlan(ctx, PRO_PLAN, await requireOwner(ctx));
    return {
      headline: "You are on Pro",
      tips: [
        "This text comes from api.pro.content, which checks your plan in Convex before returning it.",
        "Add your own paid features the same way: a query or mutation that calls requirePlan(ctx, PRO_PLAN).",
      ],
    };
  },
});
