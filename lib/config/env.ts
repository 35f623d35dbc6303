// Typed configuration: the only module that reads process.env. `config()` parses the environment once and hands the
// same typed object to the web server, the worker and the scripts; a bad value stops Faultline at start with a
// message that names the variable and what it accepts, instead of failing later inside a request.
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

/** One or several read replicas, comma-separated; each must be a PostgreSQL URL like DATABASE_URL. */
const postgresUrlList = z
  .string()
  .trim()
  .transform((v) => v.split(",").map((u) => u.trim()).filter((u) => u !== ""))
  .pipe(z.array(postgresUrl).min(1, "must name at least one URL"));

const schema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  /** Streaming replicas that serve dashboards, read-only API routes, studies and CSV reports. */
  DATABASE_READ_URL: postgresUrlList.optional(),
  /** Replay lag past which a replica is skipped and reads go to the primary. */
  DATABASE_READ_MAX_LAG_SECONDS: z.coerce.number().min(0.1).max(3600).default(10),
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
  /** Admins are notified when an asset's refresh has been failing for longer than this many hours. */
  REFRESH_FAILING_ALERT_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(6),
  /** History fetched when an asset is added. */
  BACKFILL_YEARS: z.coerce.number().int().min(1).max(50).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  /** Signs session cookies; generated into the data folder when unset. */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)").optional(),
  /** The address users open, e.g. https://faultline.example.com: with https, cookies are marked Secure. */
  BETTER_AUTH_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://faultline.example.com" })
    .optional(),
  /** Unattended installs: the first admin account, created at start when no account exists. */
  ADMIN_EMAIL: z.email("must be an email address").optional(),
  ADMIN_PASSWORD: passwordSchema.optional(),
  /** Connections of the web process's Prisma pool; interactive write transactions get all but three of them. */
  FAULTLINE_DB_POOL: z.coerce.number().int().min(4).max(500).default(10),
  NODE_ENV: z.string().default("development"),
  /** Set by vitest: logs stay quiet in tests unless LOG_LEVEL asks otherwise. */
  VITEST: z.string().optional(),
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
    const key = String(i.path[0] ?? "");
    // A list variable (DATABASE_READ_URL) names the position of the bad entry: "DATABASE_READ_URL item 2".
    const where = i.path.length > 1 ? `${key} item ${Number(i.path[1]) + 1}` : key;
    return `${where} ${i.message.replace(/^Invalid input: /, "")} (got "${mask(key, String(cleaned[key] ?? ""))}")`;
  });
  throw new StartupError(`bad configuration: ${problems.join("; ")}`, "fix the variable(s) and start again");
}

const KEYS = Object.keys(schema.shape) as (keyof Env)[];
let cached: { key: string; value: Env } | undefined;
let overrides: Partial<Record<keyof Env, string>> = {};

function source(): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const k of KEYS) out[k] = overrides[k] ?? process.env[k];
  return out;
}

/**
 * The configuration of this process, parsed once. It is parsed again only when a variable it reads has changed since
 * (a test pointing DATABASE_URL at its own database), so a long-lived process pays for zod once.
 */
export function config(): Env {
  const values = source();
  const key = KEYS.map((k) => values[k] ?? "").join("\u0000");
  if (cached?.key !== key) cached = { key, value: parseEnv(values) };
  return cached.value;
}

/**
 * Values a script learns at run time (the embedded database's URL, the generated session secret) and that win over
 * the environment for the rest of the process — instead of writing them back into process.env.
 */
export function overrideConfig(values: Partial<Record<keyof Env, string>>): void {
  overrides = { ...overrides, ...values };
}

/** The environment for a child process (the Next server, `next build`): this process's, plus the overrides. */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides, ...extra } as NodeJS.ProcessEnv;
}

/** Never echo a password from a connection string back to a terminal or log. */
function mask(key: string, value: string): string {
  if (key === "ADMIN_PASSWORD" || key === "BETTER_AUTH_SECRET") return "***";
  if (key !== "DATABASE_URL" && key !== "DATABASE_READ_URL") return value;
  return value.replace(/\/\/([^:/@]+):[^@]*@/g, "//$1:***@");
}
