import { RedirectToSignIn, Show } from "@clerk/react";
import { Navigate, Outlet, Route, Routes } from "react-router";
import { SiteFooter } from "./components/site-footer";
import { SiteHeader } from "./components/site-header";
import { extraPages } from "./sections";
import { DashboardPage } from "./views/dashboard-page";
import { LandingPage } from "./views/landing-page";

export default function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<LandingPage />} />
        {/* A single-page app has no server: this gate is for the UI. What a signed-out visitor must not read is
            protected by the Convex functions, which check the caller. */}
        <Route
          element={
            <Show when="signed-in" fallback={<RedirectToSignIn />}>
              <Outlet />
            </Show>
          }
        >
          <Route path="dashboard" element={<DashboardPage />} />
          {Object.entries(extraPages).map(([path, Page]) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

function Layout() {
  return (
    <div className="flex min-h-dvh flex-col bg-white text-zinc-900 antialiased">
      <SiteHeader />
      <main className="flex-1">
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}
