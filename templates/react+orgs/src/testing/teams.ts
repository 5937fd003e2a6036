import type { Backend } from "./harness";

export interface Member {
  userId: string;
  name: string;
  /** Clerk's role key: "org:admin", "org:member", or a custom one. */
  role: string;
  permissions?: string[];
}

/** A team and its memberships, as Clerk's organization webhooks would have stored them. */
export async function addTeam(
  backend: Backend,
  team: { id: string; name: string },
  members: Member[],
): Promise<void> {
  await backend.run(async (ctx) => {
    await ctx.db.insert("organizations", { orgId: team.id, name: team.name, clerkUpdatedAt: 1 });
    for (const { userId, name, role, permissions = [] } of members) {
      await ctx.db.insert("memberships", {
        membershipId: `orgmem_${team.id}_${userId}`,
        orgId: team.id,
        userId,
        name,
        role,
        permissions,
        clerkUpdatedAt: 1,
      });
    }
  });
}
