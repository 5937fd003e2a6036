import type { ReactNode } from "react";

/** A titled card on the dashboard. */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-xs">
      <h2 className="font-semibold">{title}</h2>
      <div className="mt-4 text-sm text-zinc-700">{children}</div>
    </section>
  );
}

/** What a panel shows while its data loads. */
export function Placeholder() {
  return <div className="h-10 animate-pulse rounded-lg bg-zinc-100" />;
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
      onClick={() => loadMore(10)}
      disabled={status === "LoadingMore"}
      className="mt-4 rounded-full border border-zinc-300 px-4 py-2 font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-50"
    >
      {status === "LoadingMore" ? "Loading…" : "Load more"}
    </button>
  );
}
