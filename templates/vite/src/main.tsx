import { ClerkProvider } from "@clerk/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import App from "./App";
import "./styles.css";

const convexUrl = import.meta.env.VITE_CONVEX_URL;
const publishableKey = import.meta.env.VITE_CLERK_PUBLISHABLE_KEY;
const root = createRoot(document.getElementById("root")!);

if (!convexUrl || !publishableKey) {
  const missing = [
    !convexUrl && "VITE_CONVEX_URL",
    !publishableKey && "VITE_CLERK_PUBLISHABLE_KEY",
  ].filter(Boolean);
  const message =
    `Missing ${missing.join(" and ")}. Set ${missing.length > 1 ? "them" : "it"} in .env.local (see README.md) ` +
    "and restart the dev server, or in your host's build environment and rebuild.";
  root.render(<p className="m-8 max-w-xl font-mono text-sm text-red-700">{message}</p>);
  throw new Error(message);
}

root.render(
  <StrictMode>
    <ClerkProvider publishableKey={publishableKey} afterSignOutUrl="/">
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </ClerkProvider>
  </StrictMode>,
);
