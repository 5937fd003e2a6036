import { RedirectToSignIn, Show } from "@clerk/react";
import { Navigate, Outlet, Route, Routes } from "react-router";
import Layout from "./components/Layout";
import Dashboard from "./pages/Dashboard";
import Landing from "./pages/Landing";

/** Links shown in the header to signed-in users. */
const nav = [{ to: "/dashboard", label: "Dashboard" }];

export default function App() {
  return (
    <Routes>
      <Route element={<Layout nav={nav} />}>
        <Route index element={<Landing />} />
        <Route
          element={
            <Show when="signed-in" fallback={<RedirectToSignIn />}>
              <Outlet />
            </Show>
          }
        >
          <Route path="dashboard" element={<Dashboard />} />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
