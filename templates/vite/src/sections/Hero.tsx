import { Link } from "react-router";

export default function Hero() {
  return (
    <section id="hero" className="relative isolate overflow-hidden">
      <div
        aria-hidden
        className="absolute inset-0 -z-10 bg-[radial-gradient(60%_50%_at_50%_0%,var(--color-indigo-100),transparent)]"
      />
      <div className="mx-auto max-w-3xl px-6 pt-24 pb-20 text-center sm:pt-32">
        <p className="inline-flex rounded-full border border-indigo-200 bg-white/70 px-3 py-1 text-xs font-medium text-indigo-700">
          Convex · Clerk · React
        </p>
        <h1 className="mt-6 text-4xl font-semibold tracking-tight text-balance sm:text-6xl">
          Ship your SaaS, not its plumbing
        </h1>
        <p className="mx-auto mt-6 max-w-xl text-lg text-pretty text-zinc-600">
          Sign-in, a realtime backend and users kept in sync by webhooks are already wired up. Start on the part
          only you can build.
        </p>
        <div className="mt-10 flex items-center justify-center gap-4">
          <Link
            to="/dashboard"
            className="rounded-lg bg-indigo-600 px-5 py-3 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500"
          >
            Get started
          </Link>
          <a href="#features" className="px-2 py-3 text-sm font-semibold text-zinc-700 hover:text-zinc-900">
            Learn more <span aria-hidden>→</span>
          </a>
        </div>
      </div>
    </section>
  );
}
