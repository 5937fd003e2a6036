import { RedirectToSignIn, Show } from "@clerk/react";
import { Navigate, Outlet, Route, Routes } from "react-router";
import Layout from "./components/Layout";
import Dashboard from "./pages/Dashboard";
import Landing from "./pages/Landing";
import Pro from "./pages/Pro";

/** Links shown in the header to signed-in users. */
const nav = [
  { to: "/dashboard", label: "Dashboard" },
  { to: "/dashboard/pro", label: "Pro" },
];

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
          <Route path="dashboard/pro" element={<Pro />} />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
