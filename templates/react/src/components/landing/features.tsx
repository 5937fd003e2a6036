import { STACK } from "../../platform";

const features = [
  {
    title: "Authentication",
    body: "Clerk handles sign-up, sign-in, sessions and profiles. Convex functions check the caller on the server.",
  },
  {
    title: "Real-time data",
    body: "Convex queries are live: when a document changes, every page that reads it updates on its own.",
  },
  {
    title: "Users in your database",
    body: "A verified Clerk webhook creates, updates and deletes the matching user document in Convex.",
  },
  {
    title: "Typed end to end",
    body: "Queries and mutations are TypeScript functions; the client calls them through generated types.",
  },
  {
    title: "Tested backend",
    body: "convex-test runs your functions against an in-memory backend, webhooks included, with Vitest.",
  },
  {
    title: "Ready to deploy",
    body: `One build command deploys the Convex functions, then builds the ${STACK} app against them.`,
  },
];

export function Features() {
  return (
    <section id="features" className="border-t border-zinc-200/70 bg-zinc-50/60">
      <div className="mx-auto max-w-6xl px-6 py-24">
        <h2 className="text-center text-3xl font-semibold tracking-tight">
          Everything a SaaS needs on day one
        </h2>
        <p className="mx-auto mt-4 max-w-xl text-center text-zinc-600">
          The boring parts are done and tested, so your first commit can be a feature.
        </p>
        <ul className="mt-14 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {features.map((feature) => (
            <li
              key={feature.title}
              className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-xs"
            >
              <span className="block size-2 rounded-full bg-indigo-500" />
              <h3 className="mt-4 font-semibold">{feature.title}</h3>
              <p className="mt-2 text-sm leading-6 text-zinc-600">{feature.body}</p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
