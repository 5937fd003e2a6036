import type { ReactNode } from "react";
import { ConvexClientProvider } from "@/components/convex-client-provider";

/** The signed-in pages read Convex: its client wraps them here rather than every page. */
export default function DashboardLayout({ children }: { children: ReactNode }) {
  return <ConvexClientProvider>{children}</ConvexClientProvider>;
}
