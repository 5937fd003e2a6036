// The one support module of the rendered UI tests (*.test.tsx, `test:ui`): a page of the shared UI inside the
// site's header and footer, a fake Clerk session, and a Convex client whose queries and mutations run this
// project's real functions in convex-test (./convex-client.ts).
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ConvexProviderWithAuth, type ConvexReactClient } from "convex/react";
import type { ReactElement } from "react";
import type { Id } from "../../convex/_generated/dataModel";
import { newTest } from "../../convex/test.setup";
import { SiteFooter } from "../components/site-footer";
import { SiteHeader } from "../components/site-header";
import { TestConvexClient } from "./convex-client";
import { FakeClerkProvider, type Session, useFakeConvexAuth } from "./fake-clerk";

export type { Session } from "./fake-clerk";
export type Backend = ReturnType<typeof newBackend>;

/** An empty convex-test backend with this project's schema and functions. */
export function newBackend() {
  return newTest();
}

/**
 * Renders `page` as a visitor sees it: signed in with `session` (or signed out: null), over `backend`'s data.
 * `loading`: Clerk has not loaded yet; `convexRejects`: Convex does not accept Clerk's token. Returns the backend, the client (to hold the server's answers), a
 * user-event instance, and `setSession` for what Clerk changes later (a team switched, a plan bought).
 */
export function renderPage(
  page: ReactElement,
  {
    session,
    backend = newBackend(),
    loading = false,
    convexRejects = false,
  }: { session: Session | null; backend?: Backend; loading?: boolean; convexRejects?: boolean },
) {
  const client = new TestConvexClient(backend);
  client.acceptsTokens = !convexRejects;
  const tree = (state: { session: Session | null; loading: boolean }) => (
    <FakeClerkProvider {...state}>
      <ConvexProviderWithAuth
        client={client as unknown as ConvexReactClient}
        useAuth={useFakeConvexAuth}
      >
        <SiteHeader />
        <main>{page}</main>
        <SiteFooter />
      </ConvexProviderWithAuth>
    </FakeClerkProvider>
  );
  const rendered = render(tree({ session, loading }));
  return {
    backend,
    client,
    user: userEvent.setup(),
    setSession: (next: Session | null) =>
      rendered.rerender(tree({ session: next, loading: false })),
  };
}

/** The syncs with Clerk the page asked Convex for (`api.clerkSync.requestSync`), one row per user. */
export async function syncRequests(backend: Backend) {
  return await backend.run((ctx) => ctx.db.query("clerkSyncRequests").collect());
}

/** A user Clerk's webhook has already stored in Convex. */
export async function addUser(
  backend: Backend,
  { userId, name }: { userId: string; name: string },
) {
  await backend.run((ctx) =>
    ctx.db.insert("users", { externalId: userId, name, clerkUpdatedAt: 1 }),
  );
}

/** Projects of an owner (a Clerk user or team id), created in this order (the list shows the newest first). */
export async function addProjects(
  backend: Backend,
  ownerId: string,
  names: string[],
): Promise<Id<"projects">[]> {
  return await backend.run(async (ctx) => {
    const ids = [];
    for (const name of names)
      ids.push(await ctx.db.insert("projects", { ownerId, name, createdBy: ownerId }));
    return ids;
  });
}
