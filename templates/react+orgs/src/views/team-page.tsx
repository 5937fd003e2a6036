"use client";

import { Authenticated, useQuery } from "convex/react";
import { api } from "../../convex/_generated/api";
import { Panel, Placeholder } from "../components/panel";

/** The active team and its members, live from Convex (kept in sync by Clerk's organization webhooks). */
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
      <Authenticated>
        <Members />
      </Authenticated>
    </div>
  );
}

function Members() {
  const team = useQuery(api.organizations.members);
  if (team === undefined) return <Placeholder />;
  if (team === null) {
    return (
      <Panel title="Members">
        No team is active, or Clerk&apos;s webhook has not synced it yet. Choose a team in the
        switcher.
      </Panel>
    );
  }
  return (
    <Panel title={`Members of ${team.team.name}`}>
      <ul className="divide-y divide-zinc-100">
        {team.members.map((member) => (
          <li
            key={`${member.name}-${member.role}`}
            className="flex items-center justify-between py-2"
          >
            <span className="font-medium text-zinc-900">
              {member.name}
              {member.isYou ? <span className="ml-2 text-zinc-500">(you)</span> : null}
            </span>
            <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">
              {member.role.replace(/^org:/, "")}
            </span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
