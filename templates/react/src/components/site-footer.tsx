import { STACK } from "../platform";
import { Logo } from "./logo";

export function SiteFooter() {
  return (
    <footer className="border-t border-zinc-200/70">
      <div className="mx-auto flex max-w-6xl flex-col items-center justify-between gap-4 px-6 py-8 text-sm text-zinc-500 sm:flex-row">
        <Logo />
        <p>
          Built with{" "}
          <a
            href="https://convex.dev"
            className="underline-offset-4 hover:text-zinc-900 hover:underline"
          >
            Convex
          </a>
          ,{" "}
          <a
            href="https://clerk.com"
            className="underline-offset-4 hover:text-zinc-900 hover:underline"
          >
            Clerk
          </a>{" "}
          and {STACK}.
        </p>
      </div>
    </footer>
  );
}
