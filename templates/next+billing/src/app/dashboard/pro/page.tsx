import type { Metadata } from "next";
import { auth } from "@clerk/nextjs/server";
import { PRO_PLAN } from "../../../../convex/plans";
import { ProPage } from "@/views/pro-page";

export const metadata: Metadata = { title: "Pro" };

export default async function Pro() {
  // Checked on the server, before render: the session, then the plan (from Clerk's session token).
  const { has } = await auth.protect();
  return <ProPage onPlan={has({ plan: PRO_PLAN })} />;
}
