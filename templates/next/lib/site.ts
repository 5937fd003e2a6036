import pkg from "@/package.json";

export const site = {
  name: pkg.name,
  description: "A SaaS starter with Convex, Clerk and Next.js: sign-in, a real-time database and users synced by webhook.",
};
