import { internal } from "../_generated/api";
import type { ActionCtx } from "../_generated/server";
import { type ClerkList, clerkGet } from "./clerkApi";
import type { OwnerRef } from "./clerkEventHandler";
import { pickMembership, pickOrganization } from "./organizations";

/** Memberships per page asked of Clerk, and the most pages read for one user. */
const MEMBERSHIPS_PAGE = 100;
const MAX_MEMBERSHIP_PAGES = 10;

type ClerkMembershipJSON = { id: string; organization: unknown };

/**
 * Teams from Clerk. For a user: every membership (GET /users/{id}/organization_memberships) and its organization,
 * applied as organizationMembership.updated and organization.updated would be; then the user's memberships Clerk no
 * longer lists are removed. For a team: the organization (GET /organizations/{id}).
 */
export async function syncTeams(ctx: ActionCtx, owner: OwnerRef): Promise<void> {
  if (owner.kind === "team") {
    const organization = await clerkGet(`/organizations/${encodeURIComponent(owner.id)}`);
    if (!organization) return;
    await ctx.runMutation(internal.clerkSync.apply, {
      events: [{ type: "organization.updated", data: pickOrganization(organization) }],
    });
    return;
  }
  const path = `/users/${encodeURIComponent(owner.id)}/organization_memberships`;
  const current: string[] = [];
  for (let page = 0; page < MAX_MEMBERSHIP_PAGES; page++) {
    const memberships = await clerkGet<ClerkList<ClerkMembershipJSON>>(path, {
      limit: MEMBERSHIPS_PAGE,
      offset: page * MEMBERSHIPS_PAGE,
    });
    if (!memberships) return;
    await ctx.runMutation(internal.clerkSync.apply, {
      events: memberships.data.flatMap((membership) => [
        { type: "organization.updated" as const, data: pickOrganization(membership.organization) },
        { type: "organizationMembership.updated" as const, data: pickMembership(membership) },
      ]),
    });
    current.push(...memberships.data.map((membership) => membership.id));
    if (current.length >= memberships.total_count || memberships.data.length === 0) {
      await ctx.runMutation(internal.organizations.removeMissingMemberships, {
        userId: owner.id,
        current,
      });
      return;
    }
  }
}

/** A page of Clerk organization ids for the backfill (GET /organizations); the cursor is the offset. */
export async function listTeamIds(
  cursor: string | undefined,
  limit: number,
): Promise<{ ids: string[]; next?: string } | undefined> {
  const offset = Number(cursor ?? 0);
  const page = await clerkGet<ClerkList<{ id: string }>>("/organizations", { limit, offset });
  if (!page) return undefined;
  const ids = page.data.map((organization) => organization.id);
  const seen = offset + ids.length;
  return { ids, next: ids.length > 0 && seen < page.total_count ? String(seen) : undefined };
}
