const features = [
  {
    title: "Realtime by default",
    body: "Convex queries are live: when data changes, every open page updates without a refetch.",
  },
  {
    title: "Auth that is done",
    body: "Clerk handles sign-up, sign-in, sessions and profiles, and Convex verifies every request's token.",
  },
  {
    title: "Users in your database",
    body: "A signed webhook mirrors Clerk users into a Convex table, so your queries can join on them.",
  },
  {
    title: "Type-safe end to end",
    body: "Functions, arguments and results are typed from the schema to the React hooks that call them.",
  },
  {
    title: "Tested backend",
    body: "A convex-test suite runs your queries, mutations and webhook handler in memory with Vitest.",
  },
  {
    title: "Deploy anywhere static",
    body: "The frontend builds to plain files; one command pushes the backend and builds the site.",
  },
];

export default function Features() {
  return (
    <section id="features" className="border-t border-zinc-200 bg-zinc-50 py-24">
      <div className="mx-auto max-w-5xl px-6">
        <h2 className="text-center text-3xl font-semibold tracking-tight">Everything a SaaS needs on day one</h2>
        <p className="mx-auto mt-4 max-w-xl text-center text-zinc-600">
          The boring parts, done properly, so the first thing you write is your product.
        </p>
        <dl className="mt-16 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {features.map(({ title, body }) => (
            <div key={title} className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-xs">
              <dt className="font-semibold">{title}</dt>
              <dd className="mt-2 text-sm/6 text-zinc-600">{body}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
