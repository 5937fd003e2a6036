import Faq from "../sections/Faq";
import Features from "../sections/Features";
import Hero from "../sections/Hero";
import Pricing from "../sections/Pricing";

export default function Landing() {
  return (
    <>
      <Hero />
      <Features />
      <Pricing />
      <Faq />
    </>
  );
}
