// What the shared UI (src/components, src/views) takes from the framework: Next.js links and @clerk/nextjs (its
// client <Show>: ./components/show.tsx).
import NextLink from "next/link";
import type { ReactNode } from "react";

export {
  OrganizationSwitcher,
  PricingTable,
  SignInButton,
  SignUpButton,
  UserButton,
  useAuth,
  useOrganization,
} from "@clerk/nextjs";
export { Show } from "./components/show";

export const STACK = "Next.js";

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
    <NextLink href={href} className={className}>
      {children}
    </NextLink>
  );
}
