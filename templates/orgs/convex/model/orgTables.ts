import { defineTable } from "convex/server";
import { v } from "convex/values";

/**
 * Teams: Clerk organizations and their memberships, kept in sync by Clerk's organization webhooks
 * (model/organizations.ts). schema.ts spreads them. Ids are Clerk's ("org_...", "orgmem_...", "user_...").
 */
export const orgTables = {
  // One row per live Clerk organization.
  organizations: defineTable({
    orgId: v.string(),
    name: v.string(),
    slug: v.optional(v.string()),
    clerkUpdatedAt: v.number(),
  }).index("by_orgId", ["orgId"]),

  // One row per live membership: who is in which team, with which role ("org:admin", "org:member", …) and the
  // permissions Clerk gives that role (model/owners.ts `can` checks them).
  // `name` is the member's display name for the team page: personal data, removed with the membership.
  memberships: defineTable({
    membershipId: v.string(),
    orgId: v.string(),
    userId: v.string(),
    role: v.string(),
    permissions: v.array(v.string()),
    name: v.string(),
    clerkUpdatedAt: v.number(),
  })
    .index("by_membershipId", ["membershipId"])
    .index("by_orgId_and_userId", ["orgId", "userId"])
    .index("by_userId", ["userId"]),

  // Deleted organizations and memberships. Clerk never reuses their ids, so later events for one of these are late
  // deliveries and are ignored; the live tables only ever hold live rows.
  deletedOrganizations: defineTable({ orgId: v.string(), deletedAt: v.number() }).index(
    "by_orgId",
    ["orgId"],
  ),
  deletedMemberships: defineTable({ membershipId: v.string(), deletedAt: v.number() }).index(
    "by_membershipId",
    ["membershipId"],
  ),
};
