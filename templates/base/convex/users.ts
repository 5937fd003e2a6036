import { v } from "convex/values";
import { query } from "./_generated/server";
import { getCurrentUser } from "./model/users";

/** The signed-in user, as the UI shows it; null when signed out or before Clerk's webhook created the user. */
export const current = query({
  args: {},
  returns: v.union(
    v.object({
      _id: v.id("users"),
      _creationTime: v.number(),
      name: v.string(),
      externalId: v.string(),
    }),
    v.null(),
  ),
  handler: async (ctx) => {
    const user = await getCurrentUser(ctx);
    if (user === null) return null;
    const { _id, _creationTime, name, externalId } = user;
    return { _id, _creationTime, name, externalId };
  },
});
