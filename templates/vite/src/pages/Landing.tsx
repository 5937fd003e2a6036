import Faq from "../sections/Faq";
import Features from "../sections/Features";
import Hero from "../sections/Hero";

export default function Landing() {
  return (
    <>
      <Hero />
      <Features />
      <Faq />
    </>
  );
}
