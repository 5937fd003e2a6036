import type { OptimisticLocalStore } from "convex/browser";
import { insertAtTop } from "convex/react";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";

/**
 * The optimistic update for `api.projects.create`: the new project shows at the top of the list at once, and
 * Convex replaces it with the server's result (or removes it, if the mutation fails).
 */
export function insertProjectOptimistically(
  localStore: OptimisticLocalStore,
  { name }: { name: string },
): void {
  insertAtTop({
    paginatedQuery: api.projects.list,
    localQueryStore: localStore,
    // Not a real id: it only lives until the server's answer replaces it.
    item: {
      _id: crypto.randomUUID() as Id<"projects">,
      _creationTime: Date.now(),
      name: name.trim(),
    },
  });
}
