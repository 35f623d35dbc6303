import path from "node:path";
import { defineConfig } from "vitest/config";

// Browser journeys: the production build served by `npm start` on its own embedded database, driven by Debian's
// Chromium through playwright-core.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/browser/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: "forks",
  },
});
