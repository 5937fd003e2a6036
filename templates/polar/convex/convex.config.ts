import polar from "@convex-dev/polar/convex.config";
import { defineApp } from "convex/server";

// The Convex components this app installs, each with its own tables and functions (`components.<name>` in
// _generated/api). Polar's keeps the products and subscriptions its webhook route (http.ts) receives.
const app = defineApp();
app.use(polar);

export default app;
