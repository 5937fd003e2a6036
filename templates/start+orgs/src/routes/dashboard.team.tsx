import { createFileRoute } from "@tanstack/react-router";
import { TeamPage } from "../views/team-page";

// Signed-in only: /dashboard's beforeLoad checks the session on the server first.
export const Route = createFileRoute("/dashboard/team")({
  head: () => ({ meta: [{ title: "Team" }] }),
  component: TeamPage,
});
