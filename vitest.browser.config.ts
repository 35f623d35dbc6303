import path from "node:path";
import { defineConfig } from "vitest/config";

// Browser journeys: the production build served by `npm start` on its own embedded database, driven by Debian's
// Chromium through playwright-core. Every journey audits the pages it visits with axe-core; the accessibility journey
// audits every page in four variants.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The harness starts databases and the server with lib's server modules; under vitest they run as server code.
      "server-only": path.resolve(import.meta.dirname, "tests/setup/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/browser/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: "forks",
  },
});
