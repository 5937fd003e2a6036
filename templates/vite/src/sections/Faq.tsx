const faqs = [
  {
    question: "Where does my data live?",
    answer:
      "In your Convex deployment. Clerk stores the accounts; a webhook copies each user into the Convex users table.",
  },
  {
    question: "Can I change the sign-in options?",
    answer:
      "Yes, in the Clerk dashboard: email, passwords, passkeys, social providers and MFA are switches, not code.",
  },
  {
    question: "How do I add a feature?",
    answer:
      "Write a query or mutation in convex/, call it with useQuery or useMutation from a page in src/, and it is live.",
  },
  {
    question: "What does it cost to run?",
    answer: "Convex and Clerk both have free tiers that cover development and a first set of users.",
  },
];

export default function Faq() {
  return (
    <section id="faq" className="border-t border-zinc-200 py-24">
      <div className="mx-auto max-w-3xl px-6">
        <h2 className="text-center text-3xl font-semibold tracking-tight">Questions</h2>
        <div className="mt-12 divide-y divide-zinc-200 border-y border-zinc-200">
          {faqs.map(({ question, answer }) => (
            <details key={question} className="group py-5">
              <summary className="flex cursor-pointer list-none items-center justify-between [&::-webkit-details-marker]:hidden font-medium">
                {question}
                <span aria-hidden className="ml-4 text-zinc-400 transition group-open:rotate-45">
                  +
                </span>
              </summary>
              <p className="mt-3 text-sm/6 text-zinc-600">{answer}</p>
            </details>
          ))}
        </div>
      </div>
    </section>
  );
}
