"use client";

import { PRO_PLAN } from "../../convex/plans";
import { PricingTable, useOrganization } from "../platform";

/**
 * Clerk's pricing table, with PRO_PLAN highlighted, for whoever pays in this session: the active team's plans while
 * a team is active (the plan is then the team's: convex/model/entitlements.ts), else the user's. A new subscription lands on the
 * Pro page.
 */
export function PlanPricingTable() {
  const { organization } = useOrganization();
  return (
    <PricingTable
      for={organization ? "organization" : "user"}
      highlightedPlan={PRO_PLAN}
      newSubscriptionRedirectUrl="/dashboard/pro"
    />
  );
}
