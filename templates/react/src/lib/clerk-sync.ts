import { useMutation } from "convex/react";
import { useEffect } from "react";
import { api } from "../../convex/_generated/api";

/**
 * Asks Convex to fetch the caller's data from Clerk now (`api.clerkSync.requestSync`: the user, their memberships and
 * subscriptions) instead of waiting for Clerk's webhooks, when the page sees Clerk's session ahead of Convex. `reason`
 * names what is missing (e.g. the active team's id), or is null when nothing is: the request is sent once each time
 * it changes to a new reason. The server rate-limits it, and the page's live queries update by themselves once the
 * data arrives, so a failure here is ignored.
 */
export function useSyncFromClerk(reason: string | null): void {
  const requestSync = useMutation(api.clerkSync.requestSync);
  useEffect(() => {
    if (reason === null) return;
    requestSync({}).catch(() => {
      // Only a shortcut: the webhook still brings the data, and the page waits on live queries either way.
    });
  }, [reason, requestSync]);
}
