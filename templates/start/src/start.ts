import { clerkMiddleware } from "@clerk/tanstack-react-start/server";
import { createCsrfMiddleware, createStart } from "@tanstack/react-start";

// Clerk reads the session on every request, so server functions and routes can call auth(). Declaring this file
// replaces Start's default middleware, so its CSRF check for server functions is added back first.
export const startInstance = createStart(() => ({
  requestMiddleware: [
    createCsrfMiddleware({ filter: (ctx) => ctx.handlerType === "serverFn" }),
    clerkMiddleware(),
  ],
}));
