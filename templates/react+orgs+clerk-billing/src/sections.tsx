import type { ComponentType } from "react";
import { Account } from "./components/dashboard/account";
import { PaymentHistory } from "./components/dashboard/payment-history";
import { Projects } from "./components/dashboard/projects";
import { Faq } from "./components/landing/faq";
import { Features } from "./components/landing/features";
import { Hero } from "./components/landing/hero";
import { Pricing } from "./components/landing/pricing";
import { TeamSwitcher } from "./components/team-switcher";
import { ProPage } from "./views/pro-page";
import { TeamPage } from "./views/team-page";

// What the pages show, in order: with teams and payments, the team switcher and page, pricing, payment history and
// the Pro page.

export const landingSections: ComponentType[] = [Hero, Features, Pricing, Faq];

export const dashboardPanels: ComponentType[] = [Account, ProjectsWithUpgrade, PaymentHistory];

/** Shown in the header beside the user menu, for signed-in users. */
export const headerItems: ComponentType[] = [TeamSwitcher];

/** The header's links for signed-in users. */
export const navLinks = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/dashboard/team", label: "Team" },
  { href: "/dashboard/pro", label: "Pro" },
];

/** Signed-in pages besides the dashboard. Vite's App.tsx routes them; Next and TanStack Start have a route file each. */
export const extraPages: { path: string; Page: ComponentType }[] = [
  { path: "/dashboard/team", Page: TeamPage },
  { path: "/dashboard/pro", Page: ProPage },
];

function ProjectsWithUpgrade() {
  return <Projects upgradeHref="/dashboard/pro" />;
}
