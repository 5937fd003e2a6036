import pkg from "../../package.json";
import { STACK } from "../platform";

/** The app's name and description, for titles, the header and the footer. The name is package.json's. */
export const site = {
  name: pkg.name,
  description: `A SaaS starter with Convex, Clerk and ${STACK}: sign-in, a real-time database and users synced by webhook.`,
};
