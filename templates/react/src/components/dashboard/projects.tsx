"use client";

import { Authenticated, useMutation, usePaginatedQuery, useQuery } from "convex/react";
import { ConvexError } from "convex/values";
import { type FormEvent, useState } from "react";
import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { useSyncFromClerk } from "../../lib/clerk-sync";
import { insertProjectOptimistically } from "../../lib/optimistic";
import { upgradeLink } from "../../lib/upgrade";
import { Link } from "../../platform";
import { LoadMore, Panel, Placeholder } from "../panel";

/**
 * The example feature: the owner's projects (yours, or your active team's), live from Convex. Creating one shows it
 * at once (an optimistic update); the free limit is enforced by `api.projects.create`, and shown here.
 */
export function Projects() {
  return (
    <Panel title="Projects">
      <Authenticated>
        <ProjectList />
      </Authenticated>
    </Panel>
  );
}

function ProjectList() {
  const usage = useQuery(api.projects.usage);
  const { results, status, loadMore } = usePaginatedQuery(
    api.projects.list,
    {},
    { initialNumItems: 10 },
  );
  const create = useMutation(api.projects.create).withOptimisticUpdate(insertProjectOptimistically);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  // Signed in with no owner: Clerk's session names a team Convex has no membership for yet. Ask Convex to fetch
  // the caller's memberships from Clerk rather than wait for the webhook.
  useSyncFromClerk(usage === null ? "team" : null);

  if (usage === undefined || status === "LoadingFirstPage") return <Placeholder />;
  if (usage === null) {
    return (
      <p className="flex items-center gap-3 text-zinc-600" role="status">
        <span className="size-2 animate-pulse rounded-full bg-amber-500" aria-hidden="true" />
        Syncing your team from Clerk… This updates by itself.
      </p>
    );
  }
  const full = usage.limit !== null && usage.count >= usage.limit;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const value = name;
    setName("");
    try {
      await create({ name: value });
    } catch (failure) {
      setName(value);
      setError(describe(failure));
    }
  }

  return (
    <>
      <form onSubmit={submit} className="flex gap-2">
        <label htmlFor="new-project" className="sr-only">
          Project name
        </label>
        <input
          id="new-project"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="New project"
          maxLength={80}
          className="min-w-0 flex-1 rounded-full border border-zinc-300 px-4 py-2"
        />
        <button
          type="submit"
          disabled={full || name.trim() === ""}
          className="rounded-full bg-zinc-900 px-4 py-2 font-medium text-white hover:bg-zinc-700 disabled:opacity-50"
        >
          Create
        </button>
      </form>
      <p className="mt-2 text-zinc-500">
        {usage.limit === null
          ? countProjects(usage)
          : `${usage.count} of ${usage.limit} projects on the free plan.`}
        {full && upgradeLink.href ? (
          <>
            {" "}
            <Link
              href={upgradeLink.href}
              className="font-medium text-indigo-600 hover:text-indigo-500"
            >
              {upgradeLink.label}
            </Link>
          </>
        ) : null}
      </p>
      {error ? (
        <p className="mt-2 text-red-700" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="mt-4 divide-y divide-zinc-100 border-t border-zinc-100">
        {results.map((project) => (
          <ProjectRow
            key={project._id}
            id={project._id}
            name={project.name}
            canDelete={usage.canDelete}
            onError={setError}
          />
        ))}
      </ul>
      <LoadMore status={status} loadMore={loadMore} />
    </>
  );
}

function ProjectRow(props: {
  id: Id<"projects">;
  name: string;
  canDelete: boolean;
  onError: (message: string) => void;
}) {
  const rename = useMutation(api.projects.rename);
  const remove = useMutation(api.projects.remove);
  const [editing, setEditing] = useState<string | null>(null);

  async function run(action: () => Promise<null>) {
    try {
      await action();
    } catch (failure) {
      props.onError(describe(failure));
    }
  }

  if (editing !== null) {
    return (
      <li className="py-2">
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            setEditing(null);
            void run(() => rename({ projectId: props.id, name: editing }));
          }}
        >
          <label htmlFor={`rename-${props.id}`} className="sr-only">
            New name
          </label>
          <input
            id={`rename-${props.id}`}
            value={editing}
            onChange={(event) => setEditing(event.target.value)}
            maxLength={80}
            className="min-w-0 flex-1 rounded-full border border-zinc-300 px-3 py-1"
          />
          <button
            type="submit"
            className="rounded-full px-3 py-1 font-medium text-zinc-700 hover:bg-zinc-100"
          >
            Save
          </button>
        </form>
      </li>
    );
  }
  return (
    <li className="flex items-center justify-between gap-2 py-2">
      <span className="truncate font-medium text-zinc-900">{props.name}</span>
      <span className="flex shrink-0 gap-1">
        <button
          onClick={() => setEditing(props.name)}
          className="rounded-full px-3 py-1 text-zinc-700 hover:bg-zinc-100"
        >
          Rename
        </button>
        <button
          onClick={() => void run(() => remove({ projectId: props.id }))}
          disabled={!props.canDelete}
          title={props.canDelete ? undefined : "Only team admins can delete projects"}
          className="rounded-full px-3 py-1 text-red-700 hover:bg-red-50 disabled:opacity-50"
        >
          Delete
        </button>
      </span>
    </li>
  );
}

/** "1 project", "12 projects", or "1000+ projects" when the count stopped at the server's read cap (`capped`). */
function countProjects({ count, capped }: { count: number; capped: boolean }): string {
  if (capped) return `${count}+ projects`;
  return count === 1 ? "1 project" : `${count} projects`;
}

/** A sentence for an error from a projects mutation; ConvexError data reaches the client, other errors do not. */
function describe(failure: unknown): string {
  if (failure instanceof ConvexError) {
    const data = failure.data as { code?: string; limit?: number; maxLength?: number };
    switch (data.code) {
      case "PROJECT_LIMIT":
        return `The free plan holds ${data.limit} projects.`;
      case "INVALID_NAME":
        return `A name needs 1 to ${data.maxLength} characters.`;
      case "FORBIDDEN":
        return "Only team admins can delete projects.";
      case "NOT_A_MEMBER":
        return "You are not a member of this team yet.";
    }
  }
  return "That did not work. Try again.";
}
