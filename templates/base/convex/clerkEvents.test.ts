import { expect, test } from "vitest";
import { clerkEventHandlers } from "./clerkEvents";

/** The Clerk events each feature acts on. Any other event is acknowledged and logged as ignored (http.test.ts). */
const handledEvents = {
  users: ["user.created", "user.deleted", "user.updated"],
  // @slot handledEvents
};

test("the backend acts on exactly the Clerk events its features handle", () => {
  expect(Object.keys(clerkEventHandlers).sort()).toEqual(
    Object.values(handledEvents).flat().sort(),
  );
});
