import { ConvexError } from "convex/values";

/**
 * The codes of the ConvexErrors that Convex functions throw, each with the details its data carries besides the code
 * (`object`: none). ConvexError data reaches the client, unlike a plain Error's message in production; the React UI
 * turns it into a sentence (src/lib/errors.ts). Features add their codes in their own part.
 */
interface AppErrorDetails {
  NOT_SIGNED_IN: object;
  USER_NOT_SYNCED: object;
  INVALID_NAME: { maxLength: number };
  NOT_FOUND: object;
  PROJECT_LIMIT: { limit: number };
  FORBIDDEN: { permission: string };
  NO_SUCH_KIND: { kind: string };
  // @slot codes
}

export type AppErrorCode = keyof AppErrorDetails;

/** The data of an app error: its code and that code's details, e.g. `{ code: "PROJECT_LIMIT", limit: 3 }`. */
export type AppErrorData = {
  [Code in AppErrorCode]: { code: Code } & AppErrorDetails[Code];
}[AppErrorCode];

/** The ConvexError to throw for this data: `throw appError({ code: "NOT_FOUND" })`. */
export function appError(data: AppErrorData): ConvexError<AppErrorData> {
  return new ConvexError(data);
}
