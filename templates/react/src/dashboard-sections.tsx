import type { ComponentType } from "react";
import { Account } from "./components/dashboard/account";
import { Projects } from "./components/dashboard/projects";

// What the signed-in pages show, in order. Each list is keyed: the key is React's key for the entry (and the path,
// for pages).

export const dashboardPanels: Record<string, ComponentType> = {
  account: Account,
  projects: Projects,
  // @slot dashboard
};

/** Signed-in pages besides the dashboard, by path. Vite's signed-in.tsx routes them; Next and TanStack Start have a route file each. */
export const extraPages: Record<string, ComponentType> = {
  // @slot pages
};
