import type { Metadata } from "next";
import { auth } from "@clerk/nextjs/server";
import { TeamPage } from "@/views/team-page";

export const metadata: Metadata = { title: "Team" };

export default async function Team() {
  await auth.protect();
  return <TeamPage />;
}
