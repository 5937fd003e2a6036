import type { ComponentType } from "react";
import { Account } from "./components/dashboard/account";
import { Projects } from "./components/dashboard/projects";
import { Faq } from "./components/landing/faq";
import { Features } from "./components/landing/features";
import { Hero } from "./components/landing/hero";

// What the pages show, in order. A feature layer (payments) replaces this file to add its own.

export const landingSections: ComponentType[] = [Hero, Features, Faq];

export const dashboardPanels: ComponentType[] = [Account, Projects];

/** Shown in the header beside the user menu, for signed-in users. */
export const headerItems: ComponentType[] = [];

/** The header's links for signed-in users. */
export const navLinks = [{ href: "/dashboard", label: "Dashboard" }];

/** Signed-in pages besides the dashboard. Vite's App.tsx routes them; Next and TanStack Start have a route file each. */
export const extraPages: { path: string; Page: ComponentType }[] = [];
