import { auth } from "@clerk/tanstack-react-start/server";
import { createFileRoute, Outlet, redirect } from "@tanstack/react-router";
import { createServerFn } from "@tanstack/react-start";
import { ConvexClientProvider } from "../components/convex-client-provider";

// Runs on the server: during server rendering directly, on client-side navigation as a request.
const signedInUser = createServerFn({ method: "GET" }).handler(async () => {
  const { userId } = await auth();
  return { userId };
});

/**
 * Every route under /dashboard: signed-out visitors are sent to sign-in before anything renders, with the page they
 * asked for to come back to. Only these pages read Convex, so its client wraps them here rather than every page.
 */
export const Route = createFileRoute("/dashboard")({
  beforeLoad: async ({ location }) => {
    const { userId } = await signedInUser();
    if (!userId) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
    return { userId };
  },
  component: SignedInPages,
});

function SignedInPages() {
  return (
    <ConvexClientProvider>
      <Outlet />
    </ConvexClientProvider>
  );
}
