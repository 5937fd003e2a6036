import type { OptimisticLocalStore, OptimisticUpdate } from "convex/browser";
import { type FunctionReference, getFunctionName } from "convex/server";
import { convexToJson, type Value } from "convex/values";
import type { TestConvex } from "convex-test";
import { act } from "@testing-library/react";
import type schema from "../../convex/schema";

type Args = Record<string, Value>;
type Result = { value: unknown } | { error: Error };
type Identity = Parameters<TestConvex<typeof schema>["withIdentity"]>[0];

interface Subscription {
  query: FunctionReference<"query">;
  args: Args;
  result?: Result;
  listeners: Set<() => void>;
}

const keyOf = (query: FunctionReference<"query">, args: Args) =>
  `${getFunctionName(query)}:${JSON.stringify(convexToJson(args))}`;

/**
 * A page of a paginated query keeps the end it first had, as Convex keeps it: rows inserted before that end join
 * this page, rather than push its last rows out of every loaded page.
 */
function pinPageEnd(args: Args, previous: Result | undefined): Args {
  const options = args.paginationOpts as { endCursor?: string } | undefined;
  const answer =
    previous && "value" in previous ? (previous.value as { continueCursor?: string }) : undefined;
  if (options === undefined || options.endCursor || answer?.continueCursor === undefined)
    return args;
  return { ...args, paginationOpts: { ...options, endCursor: answer.continueCursor } };
}

/**
 * What `convex/react`'s hooks and `ConvexProviderWithAuth` need of a ConvexReactClient, answered by the project's
 * real Convex functions in convex-test instead of a deployment. Like Convex, it keeps every subscribed query live:
 * after each mutation (and what it scheduled) every query runs again and the components re-render. An optimistic
 * update shows at once and lasts until the server's answer replaces it. The signed-in identity comes through the
 * auth token the page's auth provider hands over (testing/fake-clerk.tsx), as Clerk's JWT does.
 */
export class TestConvexClient {
  readonly logger = { log() {}, logVerbose() {}, warn: console.warn, error: console.error };
  private readonly subscriptions = new Map<string, Subscription>();
  /** Optimistic updates still waiting for their mutation: each maps query keys to the values it set. */
  private readonly optimistic: Map<string, unknown>[] = [];
  private identity: Identity | null = null;
  private heldUntil: Promise<void> | null = null;
  private readonly undeployed = new Set<string>();
  /** false: Convex rejects Clerk's tokens (e.g. CLERK_JWT_ISSUER_DOMAIN unset on the deployment). */
  acceptsTokens = true;

  constructor(readonly backend: TestConvex<typeof schema>) {}

  watchQuery(query: FunctionReference<"query">, args: Args = {}) {
    const key = keyOf(query, args);
    return {
      onUpdate: (callback: () => void) => {
        let subscription = this.subscriptions.get(key);
        if (subscription === undefined) {
          subscription = { query, args, listeners: new Set() };
          this.subscriptions.set(key, subscription);
          void this.run([subscription]);
        }
        subscription.listeners.add(callback);
        return () => {
          subscription.listeners.delete(callback);
          // As Convex does, a query no one watches is dropped: watched again, it runs again.
          if (subscription.listeners.size === 0) this.subscriptions.delete(key);
        };
      },
      localQueryResult: () => {
        for (const layer of [...this.optimistic].reverse()) {
          if (layer.has(key)) return layer.get(key);
        }
        const result = this.subscriptions.get(key)?.result;
        if (result !== undefined && "error" in result) throw result.error;
        return result?.value;
      },
    };
  }

  async mutation(
    mutation: FunctionReference<"mutation">,
    args: Args = {},
    options?: { optimisticUpdate?: OptimisticUpdate<Args> },
  ): Promise<unknown> {
    const layer = new Map<string, unknown>();
    if (options?.optimisticUpdate) {
      this.optimistic.push(layer);
      options.optimisticUpdate(this.localStore(layer), args);
      this.notify([...layer.keys()]);
    }
    try {
      await this.heldUntil;
      return await this.as(mutation).mutation(mutation, args);
    } finally {
      await this.settle();
      this.optimistic.splice(this.optimistic.indexOf(layer), 1);
      this.notify([...layer.keys()]);
    }
  }

  async action(action: FunctionReference<"action">, args: Args = {}): Promise<unknown> {
    try {
      return await this.as(action).action(action, args);
    } finally {
      await this.settle();
    }
  }

  /** Called by ConvexProviderWithAuth with the auth provider's token (a fake Clerk's: the identity as JSON). */
  setAuth(
    fetchToken: (options: { forceRefreshToken: boolean }) => Promise<string | null | undefined>,
    onChange?: (isAuthenticated: boolean) => void,
  ) {
    void (async () => {
      const token = await fetchToken({ forceRefreshToken: false });
      this.identity = token && this.acceptsTokens ? (JSON.parse(token) as Identity) : null;
      await this.refresh();
      onChange?.(this.identity !== null);
    })();
  }

  /**
   * The deployment no longer has this function, as after a deploy that renamed it while this page stayed open: calls
   * fail as Convex's do.
   */
  undeploy(fn: FunctionReference<"query" | "mutation" | "action">) {
    this.undeployed.add(getFunctionName(fn));
    void this.refresh();
  }

  clearAuth() {
    this.identity = null;
    void this.refresh();
  }

  /**
   * Holds every mutation's call to the server until the returned function is called: what the page shows in
   * between is its optimistic state.
   */
  holdServer(): () => void {
    let release = () => {};
    this.heldUntil = new Promise((resolve) => (release = resolve));
    return () => {
      this.heldUntil = null;
      release();
    };
  }

  /** Runs every live query again, as Convex does when the data they read changes; call after writing to `backend`. */
  async refresh(): Promise<void> {
    await this.run([...this.subscriptions.values()].filter((s) => s.listeners.size > 0));
  }

  /** Lets what the last call scheduled (`ctx.scheduler.runAfter(0, …)`) run, then refreshes the live queries. */
  private async settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.backend.finishInProgressScheduledFunctions();
    await this.refresh();
  }

  /** The backend as the signed-in caller, for a function the deployment has. */
  private as(fn: FunctionReference<"query" | "mutation" | "action">) {
    const name = getFunctionName(fn);
    if (this.undeployed.has(name)) {
      throw new Error(
        `[CONVEX Q(${name})] Could not find public function for '${name}'. Did you forget to run \`npx convex dev\` or \`npx convex deploy\`?`,
      );
    }
    return this.identity === null ? this.backend : this.backend.withIdentity(this.identity);
  }

  private async run(subscriptions: Subscription[]): Promise<void> {
    const changed: string[] = [];
    for (const subscription of subscriptions) {
      const { query, args } = subscription;
      let result: Result;
      try {
        result = {
          value: await this.as(query).query(query, pinPageEnd(args, subscription.result)),
        };
      } catch (error) {
        result = { error: error instanceof Error ? error : new Error(String(error)) };
      }
      if (JSON.stringify(result) !== JSON.stringify(subscription.result) || "error" in result) {
        subscription.result = result;
        changed.push(keyOf(query, args));
      }
    }
    this.notify(changed);
  }

  private notify(keys: string[]) {
    const listeners = keys.flatMap((key) => [...(this.subscriptions.get(key)?.listeners ?? [])]);
    if (listeners.length > 0) act(() => listeners.forEach((listener) => listener()));
  }

  /** Convex's OptimisticLocalStore over the live queries, writing into one optimistic layer. */
  private localStore(layer: Map<string, unknown>): OptimisticLocalStore {
    const current = (key: string) => {
      if (layer.has(key)) return layer.get(key);
      const result = this.subscriptions.get(key)?.result;
      return result && "value" in result ? result.value : undefined;
    };
    const store = {
      getQuery: (query: FunctionReference<"query">, args: Args = {}) => current(keyOf(query, args)),
      getAllQueries: (query: FunctionReference<"query">) =>
        [...this.subscriptions.entries()]
          .filter(([, s]) => getFunctionName(s.query) === getFunctionName(query))
          .map(([key, s]) => ({ args: s.args, value: current(key) })),
      setQuery: (query: FunctionReference<"query">, args: Args, value: unknown) => {
        layer.set(keyOf(query, args), value);
      },
    };
    return store as unknown as OptimisticLocalStore;
  }
}
