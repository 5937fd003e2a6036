import { Link } from "react-router";
import { name } from "../../package.json";

/** The app's mark and name (taken from package.json). */
export default function Logo() {
  return (
    <Link to="/" className="flex items-center gap-2 font-semibold tracking-tight">
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
      {name}
    </Link>
  );
}
