import { type ReactNode, useId } from "react";
import { ErrorBoundary } from "./error-boundary";

/**
 * A titled card on the dashboard, a region named by its title. What its content throws while it renders shows under
 * the title (components/error-boundary.tsx), so one failing panel leaves the others and the layout in place.
 */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-xs"
    >
      <h2 id={titleId} className="font-semibold">
        {title}
      </h2>
      <div className="mt-4 text-sm text-zinc-700">
        <ErrorBoundary>{children}</ErrorBoundary>
      </div>
    </section>
  );
}

/**
 * What a panel shows while its data loads: a pulsing block, announced as "Loading…". `className` sets its height,
 * about that of what it stands for, so the page does not jump when the data arrives.
 */
export function Placeholder({ className = "h-10" }: { className?: string }) {
  return (
    <div role="status" className={`animate-pulse rounded-lg bg-zinc-100 ${className}`}>
      <span className="sr-only">Loading…</span>
    </div>
  );
}

/** The button under a paginated list, until every page is loaded (`usePaginatedQuery`'s status and loadMore). */
export function LoadMore({
  status,
  loadMore,
}: {
  status: string;
  loadMore: (numItems: number) => void;
}) {
  if (status === "Exhausted") return null;
  return (
    <button
      type="button"
      onClick={() => loadMore(10)}
      disabled={status === "LoadingMore"}
      className="mt-4 rounded-full border border-zinc-300 px-4 py-2 font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-50"
    >
      {status === "LoadingMore" ? "Loading…" : "Load more"}
    </button>
  );
}
