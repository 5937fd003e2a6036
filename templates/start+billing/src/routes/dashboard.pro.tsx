import { createFileRoute } from "@tanstack/react-router";
import { ProPage } from "../views/pro-page";

// Signed-in only: /dashboard's beforeLoad checks the session on the server first. The plan is Convex's to decide
// (ProPage reads api.subscriptions.current), for the same owner api.pro.content checks.
export const Route = createFileRoute("/dashboard/pro")({
  head: () => ({ meta: [{ title: "Pro" }] }),
  component: ProPage,
});
