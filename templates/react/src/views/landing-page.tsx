import { landingSections } from "../sections";

/** The landing page: the sections listed in sections.tsx, in order. */
export function LandingPage() {
  return (
    <>
      {Object.entries(landingSections).map(([key, Section]) => (
        <Section key={key} />
      ))}
    </>
  );
}
