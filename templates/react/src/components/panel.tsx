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
