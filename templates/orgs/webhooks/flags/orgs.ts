// webhook:send's flags for Clerk's organization events (the contract: the top of ../send.ts).
import type { Flag } from "../send";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;

const flags: Flag[] = [
  {
    name: "user",
    help: "… the member of organizationMembership.* events",
    apply: ({ data }, userId) => {
      const member = data.public_user_data;
      if (!isObject(member) || !("user_id" in member)) return false;
      if (userId) member.user_id = userId;
      return true;
    },
  },
  {
    name: "org",
    help: "Clerk organization id (org_...) of organization.* and organizationMembership.* events",
    apply: ({ data }, orgId) => {
      const organization = data.object === "organization" ? data : data.organization;
      if (!isObject(organization)) return false;
      if (orgId) organization.id = orgId;
      return true;
    },
  },
];
export default flags;
