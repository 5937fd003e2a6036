import { PRO_PLAN } from "../../convex/plans";
import { ProContent } from "../components/pro/pro-content";
import { Upgrade } from "../components/pro/upgrade";
import { Show } from "../platform";

/**
 * The Pro page. `onPlan` is the frontend's server-side answer (Clerk's `has({ plan: PRO_PLAN })` before render);
 * without it (a single-page app has no server), Clerk's `<Show>` decides in the browser. Either way only decides
 * what to render: the content itself comes from `api.pro.content`, which Convex returns only to callers on the plan.
 */
export function ProPage({ onPlan }: { onPlan?: boolean }) {
  const pro = (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Pro</h1>
      <p className="mt-2 text-zinc-600">
        The content below comes from a Convex query that checks your plan on the server, so no one
        without the plan can read it, whatever client they use.
      </p>
      <ProContent />
    </>
  );
  return (
    <div className="mx-auto max-w-4xl px-6 py-12">
      {onPlan === undefined ? (
        <Show when={{ plan: PRO_PLAN }} fallback={<Upgrade />}>
          {pro}
        </Show>
      ) : onPlan ? (
        pro
      ) : (
        <Upgrade />
      )}
    </div>
  );
}
