"use client";

import { PRO_PLAN } from "../../convex/plans";
import { PricingTable, useOrganization } from "../platform";

/**
 * Clerk's pricing table, with PRO_PLAN highlighted: the team plans while a team is active (the team pays, and the
 * plan is the team's: entitlements.ts), else the personal plans. A new subscription lands on the Pro page.
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
