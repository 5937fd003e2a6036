import { Link, Show, SignInButton, SignUpButton, UserButton } from "../platform";
import { headerItems, navLinks } from "../sections";
import { Logo } from "./logo";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-10 border-b border-zinc-200/70 bg-white/80 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between px-6">
        <Logo />
        <div className="flex items-center gap-2 text-sm">
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
            <nav className="flex items-center gap-1">
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
