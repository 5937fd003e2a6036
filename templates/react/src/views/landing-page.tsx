import { landingSections } from "../sections";

/** The landing page: the sections listed in sections.tsx, in order. */
export function LandingPage() {
  return (
    <>
      {landingSections.map((Section, index) => (
        <Section key={index} />
      ))}
    </>
  );
}
