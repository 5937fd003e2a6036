import { Outlet } from "react-router";
import Footer from "./Footer";
import Header, { type NavLinkItem } from "./Header";

export default function Layout({ nav }: { nav: NavLinkItem[] }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <Header nav={nav} />
      <main className="flex-1">
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}
