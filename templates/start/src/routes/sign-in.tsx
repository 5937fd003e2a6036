import { SignIn } from "@clerk/tanstack-react-start";
import { createFileRoute } from "@tanstack/react-router";

/** `redirect` if it is a path on this site, else the dashboard: a link to sign-in cannot send anyone elsewhere. */
function returnPath(redirect: unknown): string {
  // "//host" and "/\host" (tabs and newlines are dropped first) would resolve to another site.
  const onThisSite =
    typeof redirect === "string" &&
    redirect.startsWith("/") &&
    new URL(redirect, "https://this.site").host === "this.site";
  return onThisSite ? redirect : "/dashboard";
}

export const Route = createFileRoute("/sign-in")({
  // /dashboard sends signed-out visitors here with the page they asked for, path and search, in `redirect`.
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: returnPath(search.redirect),
  }),
  head: () => ({ meta: [{ title: "Sign in" }] }),
  component: SignInPage,
});

function SignInPage() {
  const { redirect } = Route.useSearch();
  return (
    <div className="flex justify-center px-6 py-16">
      <SignIn routing="hash" forceRedirectUrl={redirect} signUpForceRedirectUrl={redirect} />
    </div>
  );
}
