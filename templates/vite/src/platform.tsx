// What the shared UI (src/components, src/views) takes from the framework: React Router links and @clerk/react.
import type { ReactNode } from "react";
import { Link as RouterLink } from "react-router";

export {
  OrganizationSwitcher,
  PricingTable,
  Show,
  SignInButton,
  SignUpButton,
  UserButton,
  useAuth,
  useOrganization,
} from "@clerk/react";

export const STACK = "React";

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
