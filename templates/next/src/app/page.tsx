import { LandingPage } from "@/views/landing-page";

export default function Home() {
  return <LandingPage />;
}
