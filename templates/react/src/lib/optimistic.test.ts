import type { OptimisticLocalStore } from "convex/browser";
import { getFunctionName } from "convex/server";
import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { insertProjectOptimistically } from "./optimistic";

/** An in-memory stand-in for Convex's optimistic local store: the queries the page is subscribed to. */
function localStore(queries: { args: Record<string, unknown>; value: unknown }[]) {
  const store = {
    getAllQueries: (query: unknown) =>
      getFunctionName(query as typeof api.projects.list) === getFunctionName(api.projects.list)
        ? queries
        : [],
    getQuery: () => undefined,
    setQuery: (_query: unknown, args: Record<string, unknown>, value: unknown) => {
      const entry = queries.find((q) => q.args === args);
      if (entry) entry.value = value;
    },
  };
  return store as unknown as OptimisticLocalStore;
}

const page = (names: string[], cursor: string | null) => ({
  args: { paginationOpts: { numItems: 10, cursor } },
  value: {
    page: names.map((name, i) => ({ _id: `id_${name}`, _creationTime: i, name })),
    isDone: false,
    continueCursor: "next",
  },
});

describe("insertProjectOptimistically", () => {
  test("puts the new project, trimmed, at the top of the first page only", () => {
    const first = page(["Older"], null);
    const second = page(["Oldest"], "cursor_1");
    insertProjectOptimistically(localStore([first, second]), { name: "  New one  " });
    const names = (entry: typeof first) => entry.value.page.map((p) => p.name);
    expect(names(first)).toEqual(["New one", "Older"]);
    expect(names(second)).toEqual(["Oldest"]);
  });

  test("does nothing while the list has not loaded", () => {
    const loading = { args: { paginationOpts: { numItems: 10, cursor: null } }, value: undefined };
    insertProjectOptimistically(localStore([loading]), { name: "New" });
    expect(loading.value).toBeUndefined();
  });
});
