"use client";

import { Show } from "@clerk/nextjs";
import { Authenticated, AuthLoading, Unauthenticated, useQuery } from "convex/react";
import { api } from "@/convex/_generated/api";

export function Account() {
  return (
    <section className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-xs">
      <h2 className="font-semibold">Your account</h2>
      <AuthLoading>
        <Placeholder />
      </AuthLoading>
      <Unauthenticated>
        <Show when="signed-in">
          <p className="mt-4 text-sm text-red-600">
            Convex did not accept your Clerk session. Check the Clerk Convex integration and CLERK_JWT_ISSUER_DOMAIN on
            your Convex deployment.
          </p>
        </Show>
      </Unauthenticated>
      <Authenticated>
        <UserRecord />
      </Authenticated>
    </section>
  );
}

function UserRecord() {
  const user = useQuery(api.users.current);

  if (user === undefined) return <Placeholder />;
  if (user === null) {
    return (
      <div className="mt-4 flex items-center gap-3 text-sm text-zinc-600" role="status">
        <span className="size-2 animate-pulse rounded-full bg-amber-500" />
        Syncing your account from Clerk… The webhook creates it within a few seconds.
      </div>
    );
  }

  return (
    <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-3">
      <Field label="Name" value={user.name} />
      <Field label="Clerk user ID" value={user.externalId} mono />
      <Field label="Member since" value={new Date(user._creationTime).toLocaleDateString()} />
    </dl>
  );
}

function Field({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <div>
      <dt className="text-zinc-500">{label}</dt>
      <dd className={`mt-1 truncate font-medium ${mono ? "font-mono text-xs leading-5" : ""}`}>{value}</dd>
    </div>
  );
}

function Placeholder() {
  return <div className="mt-4 h-10 animate-pulse rounded-lg bg-zinc-100" />;
}
