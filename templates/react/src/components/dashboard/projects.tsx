"use client";

import { Authenticated, AuthLoading, useMutation, usePaginatedQuery, useQuery } from "convex/react";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { useSyncFromClerk } from "../../lib/clerk-sync";
import { describeError } from "../../lib/errors";
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
      <AuthLoading>
        <Placeholder className="h-28" />
      </AuthLoading>
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
  const nameInput = useRef<HTMLInputElement>(null);
  const nameId = useId();
  const errorId = useId();
  const deleteNoteId = useId();
  // Signed in with no owner: Clerk's session names a team Convex has no membership for yet. Ask Convex to fetch
  // the caller's memberships from Clerk rather than wait for the webhook.
  useSyncFromClerk(usage === null ? "team" : null);

  if (usage === undefined || status === "LoadingFirstPage") return <Placeholder className="h-28" />;
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
      setError(describeError(failure));
    }
  }

  return (
    <>
      <form onSubmit={submit} className="flex gap-2">
        <label htmlFor={nameId} className="sr-only">
          Project name
        </label>
        <input
          ref={nameInput}
          id={nameId}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
          placeholder="New project"
          maxLength={80}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="min-w-0 flex-1 rounded-full border border-zinc-300 px-4 py-2 aria-invalid:border-red-600"
        />
        <button
          type="submit"
          disabled={full || name.trim() === ""}
          className="rounded-full bg-zinc-900 px-4 py-2 font-medium text-white hover:bg-zinc-700 disabled:opacity-50"
        >
          Create
        </button>
      </form>
      {error ? (
        <p id={errorId} className="mt-2 text-red-700" role="alert">
          {error}
        </p>
      ) : null}
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
      {!usage.canDelete && results.length > 0 ? (
        <p id={deleteNoteId} className="mt-2 text-zinc-500">
          Only team admins can delete projects.
        </p>
      ) : null}
      {results.length === 0 ? (
        <p className="mt-4 border-t border-zinc-100 pt-4 text-zinc-500">
          No projects yet: name your first one above.
        </p>
      ) : (
        <ul className="mt-4 divide-y divide-zinc-100 border-t border-zinc-100">
          {results.map((project) => (
            <ProjectRow
              key={project._id}
              id={project._id}
              name={project.name}
              deleteNoteId={usage.canDelete ? null : deleteNoteId}
              onDeleted={() => nameInput.current?.focus()}
            />
          ))}
        </ul>
      )}
      <LoadMore status={status} loadMore={loadMore} />
    </>
  );
}

/** The row's buttons, or its rename form, or the question whether to delete it. */
type RowMode = "buttons" | "renaming" | "confirmingDelete";

/**
 * One project: Rename (a form in the row, focused) and Delete (asks first). Leaving the form or the question
 * returns focus to the button that opened it; `onDeleted` runs once the project is gone. `deleteNoteId`: null when
 * the caller may delete, else the id of the text that says why not, which disables and describes Delete.
 */
function ProjectRow(props: {
  id: Id<"projects">;
  name: string;
  deleteNoteId: string | null;
  onDeleted: () => void;
}) {
  const [mode, setMode] = useState<RowMode>("buttons");
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const renameButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const focusOnReturn = useRef<"rename" | "delete" | null>(null);

  useEffect(() => {
    if (mode !== "buttons" || focusOnReturn.current === null) return;
    (focusOnReturn.current === "rename" ? renameButton : deleteButton).current?.focus();
    focusOnReturn.current = null;
  }, [mode]);

  function returnTo(button: "rename" | "delete") {
    focusOnReturn.current = button;
    setMode("buttons");
  }

  if (mode === "renaming") {
    return (
      <li className="py-2">
        <RenameForm id={props.id} name={props.name} onDone={() => returnTo("rename")} />
      </li>
    );
  }
  if (mode === "confirmingDelete") {
    return (
      <li className="py-2">
        <ConfirmDelete
          id={props.id}
          name={props.name}
          onCancel={() => returnTo("delete")}
          onDeleted={props.onDeleted}
          onFailed={(message) => {
            setError(message);
            returnTo("delete");
          }}
        />
      </li>
    );
  }

  const deleteDescription = [props.deleteNoteId, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <li className="py-2">
      <div className="flex items-center justify-between gap-2">
        <span className="truncate font-medium text-zinc-900">{props.name}</span>
        <span className="flex shrink-0 gap-1">
          <button
            ref={renameButton}
            type="button"
            onClick={() => {
              setError(null);
              setMode("renaming");
            }}
            aria-label={`Rename ${props.name}`}
            className="rounded-full px-3 py-1 text-zinc-700 hover:bg-zinc-100"
          >
            Rename
          </button>
          <button
            ref={deleteButton}
            type="button"
            onClick={() => {
              setError(null);
              setMode("confirmingDelete");
            }}
            disabled={props.deleteNoteId !== null}
            aria-label={`Delete ${props.name}`}
            aria-describedby={deleteDescription || undefined}
            className="rounded-full px-3 py-1 text-red-700 hover:bg-red-50 disabled:opacity-50"
          >
            Delete
          </button>
        </span>
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/**
 * Renames a project in place: the input takes focus with the name selected; Save (or Enter) renames it, Cancel (or
 * Escape) leaves it as it was. An unchanged name saves nothing; a refused one keeps the form open, with the reason.
 */
function RenameForm(props: { id: Id<"projects">; name: string; onDone: () => void }) {
  const rename = useMutation(api.projects.rename);
  const [draft, setDraft] = useState(props.name);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (draft.trim() === props.name) {
      props.onDone();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await rename({ projectId: props.id, name: draft });
      props.onDone();
    } catch (failure) {
      setSaving(false);
      setError(describeError(failure));
      input.current?.focus();
    }
  }

  return (
    <form onSubmit={save}>
      <div className="flex gap-2">
        <label htmlFor={inputId} className="sr-only">
          New name for {props.name}
        </label>
        <input
          ref={input}
          id={inputId}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") props.onDone();
          }}
          maxLength={80}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="min-w-0 flex-1 rounded-full border border-zinc-300 px-3 py-1 aria-invalid:border-red-600"
        />
        <button
          type="submit"
          disabled={saving}
          className="rounded-full px-3 py-1 font-medium text-zinc-700 hover:bg-zinc-100 disabled:opacity-50"
        >
          Save
        </button>
        <button
          type="button"
          onClick={props.onDone}
          className="rounded-full px-3 py-1 text-zinc-700 hover:bg-zinc-100"
        >
          Cancel
        </button>
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/**
 * Asks before deleting a project, with the focus on Delete; Cancel (or Escape) keeps it. Once deleted, the project
 * leaves the live list, and with it this row.
 */
function ConfirmDelete(props: {
  id: Id<"projects">;
  name: string;
  onCancel: () => void;
  onDeleted: () => void;
  onFailed: (message: string) => void;
}) {
  const remove = useMutation(api.projects.remove);
  const [deleting, setDeleting] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const questionId = useId();

  useEffect(() => {
    confirmButton.current?.focus();
  }, []);

  async function confirm() {
    if (deleting) return;
    setDeleting(true);
    try {
      await remove({ projectId: props.id });
      props.onDeleted();
    } catch (failure) {
      props.onFailed(describeError(failure));
    }
  }

  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key === "Escape") props.onCancel();
  }

  return (
    <div className="flex items-center justify-between gap-2">
      <span id={questionId} className="truncate font-medium text-zinc-900">
        Delete {props.name}?
      </span>
      <span className="flex shrink-0 gap-1">
        <button
          ref={confirmButton}
          type="button"
          onClick={() => void confirm()}
          onKeyDown={cancelOnEscape}
          aria-describedby={questionId}
          className="rounded-full bg-red-600 px-3 py-1 font-medium text-white hover:bg-red-500"
        >
          {deleting ? "Deleting…" : "Delete"}
        </button>
        <button
          type="button"
          onClick={props.onCancel}
          onKeyDown={cancelOnEscape}
          className="rounded-full px-3 py-1 text-zinc-700 hover:bg-zinc-100"
        >
          Cancel
        </button>
      </span>
    </div>
  );
}

/** "1 project", "12 projects", or "1000+ projects" when the count stopped at the server's read cap (`capped`). */
function countProjects({ count, capped }: { count: number; capped: boolean }): string {
  if (capped) return `${count}+ projects`;
  return count === 1 ? "1 project" : `${count} projects`;
}
