// Typed configuration read once from the environment. A bad value stops Faultline at start with a message that
// names the variable and what it accepts, instead of failing later inside a request.
import { z } from "zod";
import { StartupError } from "@/lib/config/startup-error";
import { passwordSchema } from "@/lib/validation/password-policy";

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
  /** Minutes between scheduled price refreshes; 0 turns the schedule off ("Refresh now" still works). */
  REFRESH_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .refine((m) => m === 0 || (m >= 5 && (60 % m === 0 || (m % 60 === 0 && 1440 % m === 0))), "must be 0, a divisor of 60 (≥ 5) or a divisor of 1440 in whole hours")
    .default(60),
  /** Calendar days re-fetched before the last stored bar, to pick up the provider's corrections. */
  REFRESH_LOOKBACK_DAYS: z.coerce.number().int().min(0).max(366).default(7),
  /** History fetched when an asset is added. */
  BACKFILL_YEARS: z.coerce.number().int().min(1).max(50).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Signs session cookies; generated into the data folder when unset. */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)").optional(),
  /** The address users open, e.g. https://faultline.example.com: with https, cookies are marked Secure. */
  BETTER_AUTH_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://faultline.example.com" })
    .optional(),
  /** Unattended installs: the first admin account, created at start when no account exists. */
  ADMIN_EMAIL: z.email("must be an email address").optional(),
  ADMIN_PASSWORD: passwordSchema.optional(),
});

export type Env = z.infer<typeof schema>;

/** Parses the given environment; throws a StartupError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings mean "unset" (a common shell idiom: DATABASE_URL= npm start).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) {
    if (Boolean(result.data.ADMIN_EMAIL) !== Boolean(result.data.ADMIN_PASSWORD)) {
      throw new StartupError("bad configuration: ADMIN_EMAIL and ADMIN_PASSWORD go together", "set both, or neither");
    }
    return result.data;
  }
  const problems = result.error.issues.map((i) => {
    const key = i.path.join(".");
    return `${key} ${i.message.replace(/^Invalid input: /, "")} (got "${mask(key, String(cleaned[key] ?? ""))}")`;
  });
  throw new StartupError(`bad configuration: ${problems.join("; ")}`, "fix the variable(s) and start again");
}

/** Never echo a password from a connection string back to a terminal or log. */
function mask(key: string, value: string): string {
  if (key === "ADMIN_PASSWORD" || key === "BETTER_AUTH_SECRET") return "***";
  if (key !== "DATABASE_URL") return value;
  return value.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
