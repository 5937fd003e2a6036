import type { ComponentType } from "react";
import { Faq } from "./components/landing/faq";
import { Features } from "./components/landing/features";
import { Hero } from "./components/landing/hero";

// What the public parts of the site show, in order: the landing page and the header. Each list is keyed: the key is
// React's key for the entry (and the path, for links). The signed-in pages' lists are in dashboard-sections.tsx, so
// that the landing page loads none of their code (Convex's client included).

export const landingSections: Record<string, ComponentType> = {
  hero: Hero,
  features: Features,
  // @slot landing
  faq: Faq,
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
