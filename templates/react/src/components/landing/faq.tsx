const questions = [
  {
    q: "Where is my users’ data stored?",
    a: "Clerk stores credentials and profiles. Convex keeps a users table in sync through the Clerk webhook, so your own tables can reference users like any other document.",
  },
  {
    q: "How do I add a feature?",
    a: "Write a query or mutation in convex/ and call it with useQuery or useMutation from a component: the page updates live. Check the caller in the function with ctx.auth.getUserIdentity().",
  },
  {
    q: "Why is my dashboard stuck on “syncing”?",
    a: "The user document is created by the webhook. Check that the Clerk webhook points to your deployment’s /clerk-users-webhook URL and that CLERK_WEBHOOK_SECRET is set on Convex.",
  },
  {
    q: "Can I change the sign-in options?",
    a: "Yes, in the Clerk Dashboard: email, passwords, passkeys, social providers and MFA are switches, not code.",
  },
  {
    q: "Can I change the look?",
    a: "Everything is plain Tailwind CSS in small components: edit them, or swap in your own design system.",
  },
];

export function Faq() {
  return (
    <section id="faq" className="mx-auto max-w-3xl px-6 py-24">
      <h2 className="text-center text-3xl font-semibold tracking-tight">Questions</h2>
      <div className="mt-12 divide-y divide-zinc-200 border-y border-zinc-200">
        {questions.map(({ q, a }) => (
          <details key={q} className="group py-5">
            <summary className="flex cursor-pointer list-none items-center justify-between gap-6 font-medium">
              {q}
              <span className="text-xl leading-none text-zinc-400 transition group-open:rotate-45">
                +
              </span>
            </summary>
            <p className="mt-3 text-sm leading-6 text-zinc-600">{a}</p>
          </details>
        ))}
      </div>
    </section>
  );
}
