"use client";

import { useAction } from "convex/react";
import type { FunctionReference } from "convex/server";
import { useEffect, useState } from "react";
import { describeError } from "./errors";

/**
 * Sends the browser to a page of Polar's that a Convex action opens for the active owner (`api.polar.checkout`, its
 * customer portal `api.polar.portal`): `busy` from the click until the browser leaves, `error` (a sentence,
 * lib/errors.ts) when the action fails, e.g. FORBIDDEN for a team member who may not manage its billing.
 */
export function usePolarRedirect<Args extends Record<string, string>>(
  action: FunctionReference<"action", "public", Args, { url: string }>,
) {
  // Convex types the call's arguments for any action; these actions take `Args`.
  const run = useAction(action) as unknown as (args: Args) => Promise<{ url: string }>;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Back from Polar through the browser's back/forward cache, the page comes back as it was left: busy.
  useEffect(() => {
    const reset = (event: PageTransitionEvent) => {
      if (event.persisted) setBusy(false);
    };
    window.addEventListener("pageshow", reset);
    return () => window.removeEventListener("pageshow", reset);
  }, []);

  async function open(args: Args) {
    setBusy(true);
    setError(null);
    try {
      const { url } = await run(args);
      window.location.assign(url);
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  }

  return { open, busy, error };
}

/** What went wrong, under the button that tried. */
export function Failure({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <p role="alert" className="mt-3 text-sm text-red-700">
      {message}
    </p>
  );
}
