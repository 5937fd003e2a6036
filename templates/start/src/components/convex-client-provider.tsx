import { useAuth } from "@clerk/tanstack-react-start";
import { ConvexReactClient } from "convex/react";
import { ConvexProviderWithClerk } from "convex/react-clerk";
import type { ReactNode } from "react";

const url = import.meta.env.VITE_CONVEX_URL;
if (!url)
  throw new Error("VITE_CONVEX_URL is not set: run `npx convex dev` to write it to .env.local.");
// The client connects on its first query, which only happens in the browser.
const convex = new ConvexReactClient(url);

export function ConvexClientProvider({ children }: { children: ReactNode }) {
  return (
    <ConvexProviderWithClerk client={convex} useAuth={useAuth}>
      {children}
    </ConvexProviderWithClerk>
  );
}
