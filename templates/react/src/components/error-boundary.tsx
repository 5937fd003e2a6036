"use client";

import { Component, type ReactNode } from "react";
import { describeError, isStaleClient } from "../lib/errors";

type Props = {
  children: ReactNode;
  /** Shown above the message in place of the children, when they render their own heading (the Pro page's). */
  heading?: ReactNode;
};

type State = { failure: { error: unknown } | null };

/**
 * Catches what its children throw while they render (a Convex query that failed, say) and shows in their place what
 * went wrong (lib/errors.ts), with Try again, which renders them again; or Reload, for a page older than the deployment.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { failure: null };

  static getDerivedStateFromError(error: unknown): State {
    return { failure: { error } };
  }

  render() {
    const { failure } = this.state;
    if (failure === null) return this.props.children;
    const alert = (
      <ErrorAlert error={failure.error} onRetry={() => this.setState({ failure: null })} />
    );
    if (this.props.heading === undefined) return alert;
    return (
      <>
        {this.props.heading}
        <div className="mt-8">{alert}</div>
      </>
    );
  }
}

function ErrorAlert({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const stale = isStaleClient(error);
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800"
    >
      <p>{describeError(error)}</p>
      <button
        type="button"
        onClick={stale ? () => window.location.reload() : onRetry}
        className="mt-3 rounded-full border border-red-300 bg-white px-4 py-1.5 font-medium text-red-800 hover:bg-red-100"
      >
        {stale ? "Reload" : "Try again"}
      </button>
    </div>
  );
}
