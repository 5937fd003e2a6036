import { RedirectToSignIn, Show, useAuth } from "@clerk/react";
import { ConvexReactClient } from "convex/react";
import { ConvexProviderWithClerk } from "convex/react-clerk";
import { Navigate, Outlet, Route, Routes } from "react-router";
import { extraPages } from "./dashboard-sections";
import { DashboardPage } from "./views/dashboard-page";

// main.tsx stops before rendering when VITE_CONVEX_URL is not set.
const convex = new ConvexReactClient(import.meta.env.VITE_CONVEX_URL!);

/** Every path but the landing page's (App.tsx loads this module for them): the signed-in pages, else home. */
export default function SignedInPages() {
  return (
    <Routes>
      {/* A single-page app has no server: this gate is for the UI. What a signed-out visitor must not read is
          protected by the Convex functions, which check the caller. */}
      <Route
        element={
          <Show when="signed-in" fallback={<RedirectToSignIn />}>
            <ConvexProviderWithClerk client={convex} useAuth={useAuth}>
              <Outlet />
            </ConvexProviderWithClerk>
          </Show>
        }
      >
        <Route path="dashboard" element={<DashboardPage />} />
        {Object.entries(extraPages).map(([path, Page]) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
