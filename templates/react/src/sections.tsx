import type { ComponentType } from "react";
import { Account } from "./components/dashboard/account";
import { Projects } from "./components/dashboard/projects";
import { Faq } from "./components/landing/faq";
import { Features } from "./components/landing/features";
import { Hero } from "./components/landing/hero";

// What the pages show, in order. Each list is keyed: the key is React's key for the entry (and the path, for links
// and pages).

export const landingSections: Record<string, ComponentType> = {
  hero: Hero,
  features: Features,
  // @slot landing
  faq: Faq,
};

export const dashboardPanels: Record<string, ComponentType> = {
  account: Account,
  projects: Projects,
  // @slot dashboard
};

/** Shown in the header beside the user menu, for signed-in users. */
export const headerItems: Record<string, ComponentType> = {
  // @slot header
};

/** The header's links for signed-in users: path → label. */
export const navLinks: Record<string, string> = {
  "/dashboard": "Dashboard",
  // @slot nav
};

/** Signed-in pages besides the dashboard, by path. Vite's App.tsx routes them; Next and TanStack Start have a route file each. */
export const extraPages: Record<string, ComponentType> = {
  // @slot pages
};
