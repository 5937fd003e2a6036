"use client";

import { Authenticated, AuthLoading, Unauthenticated, useQuery } from "convex/react";
import { api } from "../../../convex/_generated/api";
import { useSyncFromClerk } from "../../lib/clerk-sync";
import { Show } from "../../platform";
import { Panel, Placeholder } from "../panel";

/** The signed-in user's record in Convex, live from `api.users.current`. */
export function Account() {
  return (
    <Panel title="Your account">
      <AuthLoading>
        <Placeholder className="h-24" />
      </AuthLoading>
      <Unauthenticated>
        <Show when="signed-in">
          <p className="text-red-700">
            Convex did not accept your Clerk session. Check that the Convex integration is active in
            Clerk and that CLERK_JWT_ISSUER_DOMAIN is set on the Convex deployment.
          </p>
        </Show>
      </Unauthenticated>
      <Authenticated>
        <UserRecord />
      </Authenticated>
    </Panel>
  );
}

function UserRecord() {
  const user = useQuery(api.users.current);
  // Signed in, but Convex has no record of you yet: Convex creates it from your session and fetches it from Clerk,
  // rather than wait for Clerk's webhook.
  useSyncFromClerk(user === null ? "user" : null);

  if (user === undefined) return <Placeholder className="h-24" />;
  if (user === null) {
    return (
      <div className="flex items-center gap-3 text-zinc-600" role="status">
        <span className="size-2 animate-pulse rounded-full bg-amber-500" aria-hidden="true" />
        Syncing your account from Clerk… This takes a few seconds and updates by itself.
      </div>
    );
  }

  return (
    <>
      <dl className="grid gap-4 sm:grid-cols-3">
        <Field label="Name" value={user.name} />
        <Field label="Clerk user ID" value={user.externalId} mono />
        <Field label="Member since" value={new Date(user._creationTime).toLocaleDateString()} />
      </dl>
      <p className="mt-6 border-t border-zinc-100 pt-4 text-zinc-500">
        Live from <code>api.users.current</code>: change your name under “Manage account” and watch
        it update.
      </p>
    </>
  );
}

function Field({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <div>
      <dt className="text-zinc-500">{label}</dt>
      <dd
        className={`mt-1 truncate font-medium text-zinc-900 ${mono ? "font-mono text-xs leading-5" : ""}`}
      >
        {value}
      </dd>
    </div>
  );
}
