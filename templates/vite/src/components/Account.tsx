import { useConvexAuth, useQuery } from "convex/react";
import { api } from "../../convex/_generated/api";
import Panel from "./Panel";

/** The signed-in user's record in Convex, live from `api.users.current`. */
export default function Account() {
  const { isLoading, isAuthenticated } = useConvexAuth();
  const user = useQuery(api.users.current, isAuthenticated ? {} : "skip");

  if (isLoading) {
    return <Panel title="Your account">Loading…</Panel>;
  }
  if (!isAuthenticated) {
    return (
      <Panel title="Your account">
        You are signed in to Clerk, but Convex did not accept the session token. Check that the Convex integration
        is active in Clerk and that <code>CLERK_JWT_ISSUER_DOMAIN</code> is set on the Convex deployment.
      </Panel>
    );
  }
  if (user === undefined) {
    return <Panel title="Your account">Loading…</Panel>;
  }
  if (user === null) {
    return (
      <Panel title="Your account">
        <p className="animate-pulse font-medium">Syncing your account from Clerk…</p>
        <p className="mt-2 text-zinc-500">
          The Clerk webhook creates your user record. This page updates by itself as soon as it arrives.
        </p>
      </Panel>
    );
  }

  return (
    <Panel title="Your account">
      <dl className="grid gap-x-8 gap-y-3 sm:grid-cols-[auto_1fr]">
        <dt className="text-zinc-500">Name</dt>
        <dd className="font-medium text-zinc-900">{user.name}</dd>
        <dt className="text-zinc-500">Clerk user ID</dt>
        <dd className="font-mono text-xs/5">{user.externalId}</dd>
        <dt className="text-zinc-500">Convex ID</dt>
        <dd className="font-mono text-xs/5">{user._id}</dd>
        <dt className="text-zinc-500">Member since</dt>
        <dd>{new Date(user._creationTime).toLocaleDateString()}</dd>
      </dl>
      <p className="mt-6 border-t border-zinc-100 pt-4 text-zinc-500">
        Live from <code>api.users.current</code>: change your name under “Manage account” and watch it update.
      </p>
    </Panel>
  );
}
