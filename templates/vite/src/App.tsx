import { lazy, Suspense } from "react";
import { Outlet, Route, Routes } from "react-router";
import { SiteFooter } from "./components/site-footer";
import { SiteHeader } from "./components/site-header";
import { LandingPage } from "./views/landing-page";

// The signed-in routes and the Convex client are a chunk of their own, loaded on the first visit to any path but
// the landing page's.
const SignedInPages = lazy(() => import("./signed-in"));

export default function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<LandingPage />} />
        <Route
          path="*"
          element={
            <Suspense>
              <SignedInPages />
            </Suspense>
          }
        />
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
