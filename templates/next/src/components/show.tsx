"use client";

// Clerk's <Show> as a client component: it decides in the browser, once Clerk has loaded the session. The server
// <Show> of @clerk/nextjs reads the request, which would render every page that shows it on demand; with this one,
// the landing page and the header are prerendered.
export { Show } from "@clerk/nextjs";
