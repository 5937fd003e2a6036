import { ConvexError } from "convex/values";
import type { AppErrorData } from "../../convex/model/errors";

const SOMETHING_WENT_WRONG = "Something went wrong. Try again.";

/**
 * Whether the failure says the page runs an older build than the deployment: Convex no longer has the function it
 * called (a tab left open across a deploy). Reloading the page loads the new build.
 */
export function isStaleClient(failure: unknown): boolean {
  return failure instanceof Error && failure.message.includes("Could not find public function");
}

/**
 * A sentence for a failed Convex call: for a ConvexError, what its code means (convex/model/errors.ts); other errors
 * carry no detail the user can act on in production.
 */
export function describeError(failure: unknown): string {
  if (failure instanceof ConvexError) return describeAppError(failure.data as AppErrorData);
  if (isStaleClient(failure))
    return "This page is out of date. Reload it to get the latest version.";
  return SOMETHING_WENT_WRONG;
}

function describeAppError(data: AppErrorData): string {
  switch (data.code) {
    case "NOT_SIGNED_IN":
      return "You are signed out. Sign in again to continue.";
    case "USER_NOT_SYNCED":
      return "Your account is still syncing from Clerk. Try again in a few seconds.";
    case "INVALID_NAME":
      return `A name needs 1 to ${data.maxLength} characters.`;
    case "NOT_FOUND":
      return "That project no longer exists. It may have been deleted in another tab or by a teammate.";
    case "PROJECT_LIMIT":
      return `The free plan holds ${data.limit} projects.`;
    case "FORBIDDEN":
      return "Your role in this team does not allow that. Ask a team admin.";
    case "NO_SUCH_KIND":
      return SOMETHING_WENT_WRONG;
    // @slot messages
    default:
      return unknownCode(data);
  }
}

/** A code without a case: TypeScript allows none, but a server deployed after this page loaded may send one. */
function unknownCode(data: never): string {
  console.warn("No sentence for this error:", data);
  return SOMETHING_WENT_WRONG;
}
