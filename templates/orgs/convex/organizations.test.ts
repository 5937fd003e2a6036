import { describe, expect, test } from "vitest";
import organizationCreated from "../webhooks/samples/organization.created.json";
import organizationDeleted from "../webhooks/samples/organization.deleted.json";
import organizationUpdated from "../webhooks/samples/organization.updated.json";
import membershipCreated from "../webhooks/samples/organizationMembership.created.json";
import membershipDeleted from "../webhooks/samples/organizationMembership.deleted.json";
import membershipUpdated from "../webhooks/samples/organizationMembership.updated.json";
import userDeleted from "../webhooks/samples/user.deleted.json";
import { CLERK_WEBHOOK_PATH } from "./clerkWebhook";
import { newTest, signedWebhook, useWebhookTestEnv } from "./test.setup";

// Clerk's examples: Acme Corp (org_2g7…), and Jane Doe (user_2h8…) as its member.
const ORG = organizationCreated.data.id;
const JANE = membershipCreated.data.public_user_data.user_id;

function setup() {
  const t = newTest();
  const post = async (event: unknown, id?: string) => {
    const res = await t.fetch(CLERK_WEBHOOK_PATH, signedWebhook(event, id ? { id } : {}));
    expect(res.status).toBe(200);
  };
  const table = <T extends "organizations" | "memberships">(name: T) =>
    t.run((ctx) => ctx.db.query(name).collect());
  return {
    t,
    post,
    organizations: () => table("organizations"),
    memberships: () => table("memberships"),
  };
}

useWebhookTestEnv();

describe("organizations", () => {
  test("created, then updated (Clerk's examples); a late created changes nothing", async () => {
    const { post, organizations } = setup();
    await post(organizationCreated);
    expect(await organizations()).toMatchObject([
      { orgId: ORG, name: "Acme Corp", slug: "acme-corp" },
    ]);
    await post(organizationUpdated);
    await post(organizationCreated); // older, delivered late
    expect(await organizations()).toMatchObject([
      { name: "Acme Corp Updated", slug: "acme-corp-updated" },
    ]);
  });

  test("deleted stays deleted: a late updated does not bring it back", async () => {
    const { post, organizations } = setup();
    await post(organizationCreated);
    await post(organizationDeleted);
    await post(organizationUpdated);
    expect(await organizations()).toEqual([]);
  });

  test("deleting a team removes its memberships and its projects", async () => {
    const { t, post, memberships } = setup();
    await post(organizationCreated);
    await post(membershipCreated);
    await t.run((ctx) =>
      ctx.db.insert("projects", { ownerId: ORG, name: "Team project", createdBy: JANE }),
    );
    await t.run((ctx) =>
      ctx.db.insert("projects", { ownerId: JANE, name: "Jane's own", createdBy: JANE }),
    );
    await post(organizationDeleted);
    expect(await memberships()).toEqual([]);
    const projects = await t.run((ctx) => ctx.db.query("projects").collect());
    expect(projects.map((p) => p.name)).toEqual(["Jane's own"]);
    // A membership delivered after the team was deleted is ignored.
    await post({ ...membershipUpdated, data: { ...membershipUpdated.data, id: "orgmem_late" } });
    expect(await memberships()).toEqual([]);
  });
});

describe("memberships", () => {
  test("created (Clerk's example) stores the member's role, its permissions and display name, no more", async () => {
    const { post, memberships } = setup();
    await post(membershipCreated);
    const [membership] = await memberships();
    expect(membership).toMatchObject({
      membershipId: membershipCreated.data.id,
      orgId: ORG,
      userId: JANE,
      role: "org:member",
      permissions: ["org:posts:read", "org:posts:write"],
      name: "Jane Doe",
    });
    expect(JSON.stringify(membership)).not.toContain("jane.doe@acme.com");
  });

  test("updated changes the role; an older update delivered late does not undo it", async () => {
    const { post, memberships } = setup();
    await post(membershipUpdated); // role org:admin, updated later than created
    await post(membershipCreated); // role org:member, older
    expect(await memberships()).toMatchObject([{ role: "org:admin" }]);
  });

  test("deleted goes by id, whatever its updated_at; a redelivered created does not bring it back", async () => {
    const { post, memberships } = setup();
    await post(membershipCreated, "msg_member");
    await post(membershipDeleted);
    expect(await memberships()).toEqual([]);
    await post(membershipCreated, "msg_member"); // Svix redelivery of the same id
    await post(membershipCreated); // the same event, delivered again by Clerk
    expect(await memberships()).toEqual([]);
  });

  test("user.deleted removes the user's memberships in the same delivery, and later ones are ignored", async () => {
    const { post, memberships } = setup();
    await post(membershipCreated);
    await post({ ...userDeleted, data: { ...userDeleted.data, id: JANE } });
    expect(await memberships()).toEqual([]);
    await post({ ...membershipUpdated, data: { ...membershipUpdated.data, id: "orgmem_other" } });
    expect(await memberships()).toEqual([]);
  });
});
