import type { ComponentType } from "react";
import { Account } from "./components/dashboard/account";
import { Projects } from "./components/dashboard/projects";
import { Faq } from "./components/landing/faq";
import { Features } from "./components/landing/features";
import { Hero } from "./components/landing/hero";
import { TeamSwitcher } from "./components/team-switcher";
import { TeamPage } from "./views/team-page";

// What the pages show, in order: the teams layer's version adds the team switcher and the team page.

export const landingSections: ComponentType[] = [Hero, Features, Faq];

export const dashboardPanels: ComponentType[] = [Account, Projects];

/** Shown in the header beside the user menu, for signed-in users. */
export const headerItems: ComponentType[] = [TeamSwitcher];

/** The header's links for signed-in users. */
export const navLinks = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/dashboard/team", label: "Team" },
];

/** Signed-in pages besides the dashboard. Vite's App.tsx routes them; Next and TanStack Start have a route file each. */
export const extraPages: { path: string; Page: ComponentType }[] = [
  { path: "/dashboard/team", Page: TeamPage },
];
