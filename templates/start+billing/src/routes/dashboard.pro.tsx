import { auth } from "@clerk/tanstack-react-start/server";
import { createFileRoute } from "@tanstack/react-router";
import { createServerFn } from "@tanstack/react-start";
import { PRO_PLAN } from "../../convex/plans";
import { ProPage } from "../views/pro-page";

// Runs on the server: the plan from the session Clerk verified (the sign-in check is /dashboard's).
const onProPlan = createServerFn({ method: "GET" }).handler(async () => {
  const { has } = await auth();
  return has({ plan: PRO_PLAN });
});

export const Route = createFileRoute("/dashboard/pro")({
  head: () => ({ meta: [{ title: "Pro" }] }),
  loader: () => onProPlan(),
  component: Pro,
});

function Pro() {
  return <ProPage onPlan={Route.useLoaderData()} />;
}
