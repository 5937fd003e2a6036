import { Show, SignInButton, SignUpButton, UserButton } from "@clerk/react";
import { NavLink } from "react-router";
import Logo from "./Logo";

export type NavLinkItem = { to: string; label: string };

export default function Header({ nav }: { nav: NavLinkItem[] }) {
  return (
    <header className="sticky top-0 z-10 border-b border-zinc-200/70 bg-white/80 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-5xl items-center justify-between px-6">
        <Logo />
        <div className="flex items-center gap-6 text-sm">
          <Show when="signed-out">
            <SignInButton mode="modal">
              <button className="font-medium text-zinc-600 hover:text-zinc-900">Sign in</button>
            </SignInButton>
            <SignUpButton mode="modal">
              <button className="rounded-lg bg-zinc-900 px-3.5 py-2 font-medium text-white hover:bg-zinc-700">
                Sign up
              </button>
            </SignUpButton>
          </Show>
          <Show when="signed-in">
            <nav className="flex gap-5">
              {nav.map(({ to, label }) => (
                <NavLink
                  key={to}
                  to={to}
                  end
                  className={({ isActive }) =>
                    isActive ? "font-medium text-zinc-900" : "text-zinc-500 hover:text-zinc-900"
                  }
                >
                  {label}
                </NavLink>
              ))}
            </nav>
            <UserButton />
          </Show>
        </div>
      </div>
    </header>
  );
}
