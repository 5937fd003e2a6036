// webhook:send's flags for the user events of this layer (the contract: the top of ../send.ts).
import type { Flag } from "../send";

const flags: Flag[] = [
  {
    name: "user",
    help: "Clerk user id (user_...) of user.* and session.* events",
    apply: ({ data }, userId) => {
      if (userId && data.object === "user") data.id = userId;
      if (userId && typeof data.user_id === "string") data.user_id = userId;
      return data.object === "user" || typeof data.user_id === "string";
    },
  },
];
export default flags;
