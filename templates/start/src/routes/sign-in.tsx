import { SignIn } from "@clerk/tanstack-react-start";
import { createFileRoute } from "@tanstack/react-router";

export const Route = createFileRoute("/sign-in")({
  head: () => ({ meta: [{ title: "Sign in" }] }),
  component: () => (
    <div className="flex justify-center px-6 py-16">
      <SignIn routing="hash" fallbackRedirectUrl="/dashboard" />
    </div>
  ),
});
