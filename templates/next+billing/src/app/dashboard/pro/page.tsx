import type { Metadata } from "next";
import { auth } from "@clerk/nextjs/server";
import { ProPage } from "@/views/pro-page";

export const metadata: Metadata = { title: "Pro" };

export default async function Pro() {
  // Checked on the server: signed-out visitors are sent to sign-in before anything renders. The plan is Convex's to
  // decide (ProPage reads api.subscriptions.current), for the same owner api.pro.content checks.
  await auth.protect();
  return <ProPage />;
}
