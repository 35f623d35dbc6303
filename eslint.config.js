import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next/**", ".faultline/**", "lib/db/generated/**", "next-env.d.ts", "bench/results/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Configuration is read in one place, typed and validated: config() from lib/config/env.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through config() from @/lib/config/env." },
      ],
    },
  },
  {
    // lib/config reads the environment; tests set it up; tool configs, benchmarks and the screenshot script take
    // their own settings (benchmark sizes, a browser path) that are not the app's configuration.
    files: ["lib/config/**", "tests/**", "bench/**", "scripts/screenshots.ts", "*.config.{js,ts,mjs}", "scripts/prisma-generate.mjs"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
