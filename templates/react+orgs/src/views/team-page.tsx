"use client";

import { Authenticated, AuthLoading, usePaginatedQuery, useQuery } from "convex/react";
import { api } from "../../convex/_generated/api";
import { ErrorBoundary } from "../components/error-boundary";
import { LoadMore, Panel, Placeholder } from "../components/panel";
import { useSyncFromClerk } from "../lib/clerk-sync";
import { useAuth } from "../platform";

/**
 * The active team and its members, live from Convex (kept in sync by Clerk's organization webhooks). What fails shows
 * under the page's heading.
 */
export function TeamPage() {
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-6 py-12">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Team</h1>
        <p className="mt-2 text-zinc-600">
          Pick or create a team with the switcher in the header. Projects you create while a team is
          active belong to the team.
        </p>
      </header>
      <ErrorBoundary>
        <AuthLoading>
          <MembersLoading />
        </AuthLoading>
        <Authenticated>
          <ActiveTeam />
        </Authenticated>
      </ErrorBoundary>
    </div>
  );
}

function ActiveTeam() {
  const { orgId } = useAuth();
  const team = useQuery(api.organizations.team);
  // Clerk's session has an active team that Convex does not know you belong to (yet): fetch it from Clerk.
  useSyncFromClerk(team === null && orgId ? orgId : null);

  if (team === undefined) return <MembersLoading />;
  if (team === null) {
    return (
      <Panel title="Members">
        {orgId ? (
          <p className="flex items-center gap-3 text-zinc-600" role="status">
            <span className="size-2 animate-pulse rounded-full bg-amber-500" aria-hidden="true" />
            Syncing your team from Clerk… This updates by itself.
          </p>
        ) : (
          <p>No team is active. Choose or create one with the switcher in the header.</p>
        )}
      </Panel>
    );
  }
  return (
    <Panel title={`Members of ${team.name}`}>
      <Members />
      {team.canManage ? (
        <p className="mt-4 border-t border-zinc-100 pt-4 text-zinc-500">
          Invite and manage members with the team switcher&apos;s Manage button.
        </p>
      ) : null}
    </Panel>
  );
}

function Members() {
  const { results, status, loadMore } = usePaginatedQuery(
    api.organizations.members,
    {},
    { initialNumItems: 20 },
  );

  if (status === "LoadingFirstPage") return <Placeholder className="h-20" />;
  return (
    <>
      <ul className="divide-y divide-zinc-100">
        {results.map((member) => (
          <li key={member._id} className="flex items-center justify-between gap-2 py-2">
            <span className="truncate font-medium text-zinc-900">
              {member.name}
              {member.isYou ? <span className="ml-2 text-zinc-500">(you)</span> : null}
            </span>
            <span className="shrink-0 rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">
              {member.role.replace(/^org:/, "")}
            </span>
          </li>
        ))}
      </ul>
      <LoadMore status={status} loadMore={loadMore} />
    </>
  );
}

function MembersLoading() {
  return (
    <Panel title="Members">
      <Placeholder className="h-20" />
    </Panel>
  );
}
