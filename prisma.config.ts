// Prisma CLI configuration (used by `prisma generate` and, where Prisma's engines are reachable, `prisma migrate deploy`).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/faultline" },
});
