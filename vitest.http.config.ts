import path from "node:path";
import { defineConfig } from "vitest/config";

// The front door: the production build served by `npm start` on its own embedded PostgreSQL, attacked over real HTTP
// (route handlers, better-auth's endpoints, Next's server-action transport and path decoding, the proxy).
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/setup/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/http/**/*.test.ts"],
    globalSetup: ["tests/http/global-app.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: "forks",
  },
});
