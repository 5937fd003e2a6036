import { Link, Show, SignUpButton, STACK } from "../../platform";

export function Hero() {
  return (
    <section id="hero" className="relative isolate overflow-hidden">
      <div className="absolute inset-x-0 top-0 -z-10 h-[36rem] bg-radial-[60%_50%_at_50%_0%] from-indigo-100 to-transparent" />
      <div className="mx-auto max-w-3xl px-6 pt-24 pb-20 text-center sm:pt-32">
        <p className="inline-flex rounded-full border border-indigo-200 bg-white/70 px-3 py-1 text-xs font-medium text-indigo-700">
          Convex · Clerk · {STACK}
        </p>
        <h1 className="mt-6 text-4xl font-semibold tracking-tight text-balance sm:text-6xl">
          Ship your SaaS, not its plumbing
        </h1>
        <p className="mx-auto mt-6 max-w-xl text-lg text-pretty text-zinc-600">
          Sign-in, a real-time database and users synced from Clerk are already wired together.
          Start with the part only you can build.
        </p>
        <div className="mt-10 flex justify-center gap-3">
          <Show when="signed-out">
            <SignUpButton mode="modal">
              <button className="rounded-full bg-zinc-900 px-6 py-3 text-sm font-medium text-white shadow-sm hover:bg-zinc-700">
                Get started
              </button>
            </SignUpButton>
          </Show>
          <Show when="signed-in">
            <Link
              href="/dashboard"
              className="rounded-full bg-zinc-900 px-6 py-3 text-sm font-medium text-white shadow-sm hover:bg-zinc-700"
            >
              Open dashboard
            </Link>
          </Show>
          <a
            href="#features"
            className="rounded-full border border-zinc-300 bg-white px-6 py-3 text-sm font-medium text-zinc-700 hover:bg-zinc-50"
          >
            What’s inside
          </a>
        </div>
      </div>
    </section>
  );
}
