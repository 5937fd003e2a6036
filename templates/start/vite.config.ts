import tailwindcss from "@tailwindcss/vite";
import { tanstackStart } from "@tanstack/react-start/plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  server: { port: 3000 },
  // tanstackStart() before react(): it compiles the routes and server functions first.
  plugins: [tailwindcss(), tanstackStart(), react()],
});
