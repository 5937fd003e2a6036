import type { ComponentType } from "react";
import { Account } from "./components/dashboard/account";
import { PaymentHistory } from "./components/dashboard/payment-history";
import { Projects } from "./components/dashboard/projects";
import { Faq } from "./components/landing/faq";
import { Features } from "./components/landing/features";
import { Hero } from "./components/landing/hero";
import { Pricing } from "./components/landing/pricing";
import { ProPage } from "./views/pro-page";

// What the pages show, in order: the payments layer's version adds pricing, payment history and the Pro page.

export const landingSections: ComponentType[] = [Hero, Features, Pricing, Faq];

export const dashboardPanels: ComponentType[] = [Account, ProjectsWithUpgrade, PaymentHistory];

/** Shown in the header beside the user menu, for signed-in users. */
export const headerItems: ComponentType[] = [];

/** The header's links for signed-in users. */
export const navLinks = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/dashboard/pro", label: "Pro" },
];

/** Signed-in pages besides the dashboard. Vite's App.tsx routes them; Next and TanStack Start have a route file each. */
export const extraPages: { path: string; Page: ComponentType }[] = [
  { path: "/dashboard/pro", Page: ProPage },
];

function ProjectsWithUpgrade() {
  return <Projects upgradeHref="/dashboard/pro" />;
}
