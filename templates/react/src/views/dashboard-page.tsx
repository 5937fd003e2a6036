import { ErrorBoundary } from "../components/error-boundary";
import { dashboardPanels } from "../dashboard-sections";

/**
 * The signed-in dashboard: the panels listed in dashboard-sections.tsx, each showing its own failures
 * (components/panel.tsx); what fails outside them shows under the page's heading. Each frontend checks the session before it renders.
 */
export function DashboardPage() {
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-6 py-12">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Dashboard</h1>
        <p className="mt-2 text-zinc-600">Your data, read live from Convex.</p>
      </header>
      <ErrorBoundary>
        {Object.entries(dashboardPanels).map(([key, Panel]) => (
          <Panel key={key} />
        ))}
      </ErrorBoundary>
    </div>
  );
}
