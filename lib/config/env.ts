// Typed configuration read once from the environment. A bad value stops Faultline at start with a message that
// names the variable and what it accepts, instead of failing later inside a request.
import { z } from "zod";
import { StartupError } from "@/lib/config/startup-error";

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "postgresql:" || u.protocol === "postgres:") && u.hostname !== "";
    } catch {
      return false;
    }
  }, "must look like postgresql://user:password@host:5432/database");

const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  PORT: port.default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  FAULTLINE_DATA_DIR: z.string().min(1).default(".faultline"),
  FAULTLINE_PG_PORT: port.default(54329),
  MARKET_DATA: z.enum(["yahoo", "demo"]).default("yahoo"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

/** Parses the given environment; throws a StartupError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings mean "unset" (a common shell idiom: DATABASE_URL= npm start).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => {
    const key = i.path.join(".");
    return `${key} ${i.message.replace(/^Invalid input: /, "")} (got "${mask(key, String(cleaned[key] ?? ""))}")`;
  });
  throw new StartupError(`bad configuration: ${problems.join("; ")}`, "fix the variable(s) and start again");
}

/** Never echo a password from a connection string back to a terminal or log. */
function mask(key: string, value: string): string {
  if (key !== "DATABASE_URL") return value;
  return value.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
