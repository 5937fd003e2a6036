// @vitest-environment node
// webhook:send's teams flags (./orgs.ts), applied to Clerk's samples by buildEvent.
import { expect, test } from "vitest";
import { buildEvent } from "../send";

type Membership = { organization: { id: string }; public_user_data: { user_id: string } };

test("--user sets the member, --org the organization", async () => {
  const { data } = await buildEvent("organizationMembership.created", {
    user: "user_member",
    org: "org_team",
  });
  expect(data as Membership).toMatchObject({
    organization: { id: "org_team" },
    public_user_data: { user_id: "user_member" },
  });
  for (const type of ["organization.created", "organization.updated", "organization.deleted"]) {
    expect((await buildEvent(type, { org: "org_team" })).data.id, type).toBe("org_team");
  }
});

test("a flag given to an event it does not apply to is an error", async () => {
  await expect(buildEvent("organization.created", { user: "user_1" })).rejects.toThrow(
    "--user does not apply to organization.created.",
  );
  await expect(buildEvent("user.created", { org: "org_1" })).rejects.toThrow(
    "--org does not apply to user.created.",
  );
});
