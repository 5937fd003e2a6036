import type { Metadata } from "next";
import { auth } from "@clerk/nextjs/server";
import { DashboardPage } from "@/views/dashboard-page";

export const metadata: Metadata = { title: "Dashboard" };

export default async function Dashboard() {
  // Checked on the server: signed-out visitors are sent to sign-in before anything renders.
  await auth.protect();
  return <DashboardPage />;
}
