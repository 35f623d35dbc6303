import path from "node:path";
import { defineConfig } from "vitest/config";

const PENDING = ["tests/browser/accessibility.test.ts", "tests/browser/event-form.test.ts", "tests/browser/market-data.test.ts"];

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
    // Not in the default run until they pass (`npm run test:browser:pending` runs them): the full audit of every page
    // in four variants (dark-mode contrast on the event and asset pages still fails), the event form's journey and the
    // market-data journey (written for the import form before it gained merge/replace and its preview). Every journey
    // here audits the pages it visits with axe all the same.
    exclude: process.env.FAULTLINE_BROWSER_PENDING === "1" ? ["node_modules/**"] : [...PENDING, "node_modules/**"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: "forks",
  },
});
