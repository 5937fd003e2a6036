type Look = { tone: string; mark: string };

const looks: Record<string, Look> = {
  paid: { tone: "bg-emerald-50 text-emerald-700", mark: "✓" },
  failed: { tone: "bg-red-50 text-red-700", mark: "✕" },
};

const otherStatus: Look = { tone: "bg-zinc-100 text-zinc-700", mark: "…" };

/** A payment's status as a label: its name, with a mark and a colour that repeat it (the name alone tells it). */
export function StatusPill({ status }: { status: string }) {
  const { tone, mark } = looks[status] ?? otherStatus;
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium capitalize ${tone}`}
    >
      <span aria-hidden="true">{mark}</span>
      {status}
    </span>
  );
}
