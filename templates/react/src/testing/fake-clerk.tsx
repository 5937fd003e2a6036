// Clerk's side of a rendered test: a session the test chooses, and the components and hooks the shared UI takes
// from src/platform.tsx, which vitest.ui.config.ts replaces with this module. Nothing here talks to Clerk.
import {
  createContext,
  type ReactElement,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
} from "react";

/** Who is signed in, as Clerk's session says: the user, their active team and role, their plans. */
export interface Session {
  userId: string;
  name?: string;
  /** The active team (Clerk organization) and the caller's role in it. */
  team?: { id: string; name: string; role: string };
  /** Clerk's plan claims for the session (`pla`): "u:pro" for the user's plan, "o:pro" for the active team's. */
  plans?: string[];
}

interface ClerkState {
  /** null: signed out. */
  session: Session | null;
  /** Clerk has not loaded yet, so neither it nor Convex knows who is signed in. */
  loading: boolean;
}

const ClerkContext = createContext<ClerkState>({ session: null, loading: false });

export function FakeClerkProvider({
  session,
  loading = false,
  children,
}: ClerkState & { children: ReactNode }) {
  const state = useMemo(() => ({ session, loading }), [session, loading]);
  return <ClerkContext.Provider value={state}>{children}</ClerkContext.Provider>;
}

/** The identity Convex reads from Clerk's JWT (`ctx.auth.getUserIdentity()`): `o` is the active team. */
function identityOf(session: Session) {
  return {
    subject: session.userId,
    ...(session.name ? { name: session.name } : {}),
    ...(session.team
      ? { o: { id: session.team.id, rol: session.team.role.replace(/^org:/, "") } }
      : {}),
  };
}

/** For ConvexProviderWithAuth, as convex/react-clerk's adapter does for Clerk: the token carries the identity. */
export function useFakeConvexAuth() {
  const { session, loading } = useContext(ClerkContext);
  const token = session ? JSON.stringify(identityOf(session)) : null;
  const fetchAccessToken = useCallback(async () => token, [token]);
  return useMemo(
    () => ({ isLoading: loading, isAuthenticated: !loading && token !== null, fetchAccessToken }),
    [loading, token, fetchAccessToken],
  );
}

type HasParams = { plan?: string; role?: string; permission?: string };

/** Clerk's `has`: a plan with a `u:` or `o:` scope matches that owner's plan only; without one, either. */
function hasFor(session: Session | null) {
  return ({ plan, role }: HasParams): boolean => {
    if (session === null) return false;
    if (plan !== undefined) {
      const claims = session.plans ?? [];
      return plan.includes(":")
        ? claims.includes(plan)
        : claims.some((claim) => claim.slice(2) === plan);
    }
    if (role !== undefined) return session.team?.role === role;
    return false;
  };
}

// The platform module's exports (src/platform.tsx), in the same order.

export function OrganizationSwitcher() {
  const { session } = useContext(ClerkContext);
  return (
    <button type="button" className="rounded-full px-3 py-2 text-zinc-700">
      {session?.team?.name ?? "Personal account"}
    </button>
  );
}

export function PricingTable() {
  return <p className="text-zinc-600">Clerk&apos;s pricing table renders here.</p>;
}

export function Show({
  when,
  fallback = null,
  children,
}: {
  when: "signed-in" | "signed-out" | HasParams;
  fallback?: ReactNode;
  children: ReactNode;
}) {
  const { session, loading } = useContext(ClerkContext);
  if (loading) return null;
  const shown =
    when === "signed-in"
      ? session !== null
      : when === "signed-out"
        ? session === null
        : hasFor(session)(when);
  return <>{shown ? children : fallback}</>;
}

export function SignInButton({ children }: { children: ReactElement; mode?: string }) {
  return children;
}

export function SignUpButton({ children }: { children: ReactElement; mode?: string }) {
  return children;
}

export function UserButton() {
  const { session } = useContext(ClerkContext);
  return (
    <button
      type="button"
      aria-label="Open user menu"
      className="size-8 rounded-full bg-indigo-700 text-sm font-medium text-white"
    >
      {(session?.name ?? "?").slice(0, 1)}
    </button>
  );
}

export function useAuth() {
  const { session, loading } = useContext(ClerkContext);
  return {
    isLoaded: !loading,
    isSignedIn: !loading && session !== null,
    userId: session?.userId ?? null,
    orgId: session?.team?.id ?? null,
    orgRole: session?.team?.role ?? null,
    has: hasFor(session),
    getToken: async () => (session ? JSON.stringify(identityOf(session)) : null),
  };
}

export function useOrganization() {
  const { session, loading } = useContext(ClerkContext);
  const team = session?.team;
  return {
    isLoaded: !loading,
    organization: team ? { id: team.id, name: team.name } : null,
    membership: team ? { role: team.role } : null,
  };
}

export const STACK = "React";

export function Link({
  href,
  className,
  children,
}: {
  href: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a href={href} className={className}>
      {children}
    </a>
  );
}
