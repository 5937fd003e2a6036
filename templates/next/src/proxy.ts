import { clerkMiddleware } from "@clerk/nextjs/server";

// Everything under /dashboard needs a signed-in user: signed-out visitors are sent to sign-in.
// The pages also call `auth.protect()`, so access never depends on this matcher alone.
const isProtected = (pathname: string) =>
  pathname === "/dashboard" || pathname.startsWith("/dashboard/");

export default clerkMiddleware(async (auth, request) => {
  if (isProtected(request.nextUrl.pathname)) await auth.protect();
});

export const config = {
  matcher: [
    // Skip Next.js internals and static files, unless found in search params.
    "/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)",
    // Always run for API routes.
    "/(api|trpc)(.*)",
  ],
};
