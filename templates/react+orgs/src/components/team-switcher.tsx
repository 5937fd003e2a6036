import { OrganizationSwitcher } from "../platform";

/** Clerk's switcher between your personal account and your teams; it also creates teams. */
export function TeamSwitcher() {
  return (
    <OrganizationSwitcher
      afterSelectOrganizationUrl="/dashboard"
      afterCreateOrganizationUrl="/dashboard/team"
    />
  );
}
