import { Link } from "../platform";
import { site } from "../lib/site";

/** The app's mark and name; links home. */
export function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2.5 font-semibold tracking-tight">
      <svg viewBox="0 0 32 32" className="size-7" aria-hidden>
        <rect width="32" height="32" rx="8" className="fill-indigo-600" />
        <path
          d="M9 17.5 14 22l9-11"
          fill="none"
          stroke="white"
          strokeWidth="3.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {site.name}
    </Link>
  );
}
