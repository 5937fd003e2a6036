"use client";

import { useQuery } from "convex/react";
import { api } from "../../../convex/_generated/api";
import { Placeholder } from "../panel";

/**
 * The Pro plan's content, read from `api.pro.content`, which Convex only returns to the owners it grants PRO_PLAN.
 * Render it only where `api.subscriptions.current` grants the plan (views/pro-page.tsx decides): without the plan the
 * query throws PLAN_REQUIRED, which the error boundary around it shows.
 */
export function ProContent() {
  const content = useQuery(api.pro.content);

  if (content === undefined) return <Placeholder className="h-32" />;
  return (
    <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-xs">
      <h2 className="font-semibold">{content.headline}</h2>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-zinc-600">
        {content.tips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
    </div>
  );
}
