import { Link, Show, SignInButton, SignUpButton, UserButton } from "../platform";
import { headerItems, navLinks } from "../sections";
import { Logo } from "./logo";

/**
 * The logo, then Sign in / Sign up, or for signed-in users the links, the header items and the user menu. Below the
 * sm breakpoint the links take a row of their own, so a phone's header never scrolls sideways.
 */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-10 border-b border-zinc-200/70 bg-white/80 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-2 px-6 py-3 text-sm">
        <Logo />
        <Show when="signed-in">
          <nav
            aria-label="Main"
            className="order-last -ml-4 flex basis-full items-center gap-1 sm:order-none sm:ml-auto sm:basis-auto"
          >
            {Object.entries(navLinks).map(([href, label]) => (
              <Link
                key={href}
                href={href}
                className="rounded-full px-4 py-2 font-medium text-zinc-700 hover:bg-zinc-100"
              >
                {label}
              </Link>
            ))}
          </nav>
        </Show>
        <div className="flex items-center gap-2">
          <Show when="signed-out">
            <SignInButton mode="modal">
              <button className="rounded-full px-4 py-2 font-medium text-zinc-700 hover:bg-zinc-100">
                Sign in
              </button>
            </SignInButton>
            <SignUpButton mode="modal">
              <button className="rounded-full bg-zinc-900 px-4 py-2 font-medium text-white hover:bg-zinc-700">
                Sign up
              </button>
            </SignUpButton>
          </Show>
          <Show when="signed-in">
            {Object.entries(headerItems).map(([key, Item]) => (
              <Item key={key} />
            ))}
            <UserButton />
          </Show>
        </div>
      </div>
    </header>
  );
}
