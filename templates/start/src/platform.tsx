// What the shared UI (src/components, src/views) takes from the framework: TanStack Router links and
// @clerk/tanstack-react-start.
import { Link as RouterLink } from "@tanstack/react-router";
import type { ReactNode } from "react";

export {
  OrganizationSwitcher,
  PricingTable,
  Show,
  SignInButton,
  SignUpButton,
  UserButton,
  useAuth,
  useOrganization,
} from "@clerk/tanstack-react-start";

export const STACK = "TanStack Start";

export function Link({
  href,
  className,
  children,
}: {
  href: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <RouterLink to={href} className={className}>
      {children}
    </RouterLink>
  );
}
