import type { ReactNode } from "react";

export default function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-2xl border border-zinc-200 p-6 shadow-xs">
      <h2 className="font-semibold">{title}</h2>
      <div className="mt-4 text-sm text-zinc-700">{children}</div>
    </section>
  );
}
