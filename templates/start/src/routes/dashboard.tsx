import { auth } from "@clerk/tanstack-react-start/server";
import { createFileRoute, Outlet, redirect } from "@tanstack/react-router";
import { createServerFn } from "@tanstack/react-start";

// Runs on the server: during server rendering directly, on client-side navigation as a request.
const signedInUser = createServerFn({ method: "GET" }).handler(async () => {
  const { userId } = await auth();
  return { userId };
});

/** Every route under /dashboard: signed-out visitors are sent to sign-in before anything renders. */
export const Route = createFileRoute("/dashboard")({
  beforeLoad: async () => {
    const { userId } = await signedInUser();
    if (!userId) throw redirect({ to: "/sign-in" });
    return { userId };
  },
  component: Outlet,
});
