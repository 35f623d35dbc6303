// One pino logger for server code; level from LOG_LEVEL (silent in tests unless asked for). Credentials are redacted
// wherever they appear in a logged object (a request's headers, a form, an error's config), so a log shipped to a
// third party never holds a password, a session cookie or an API token.
import pino, { type Logger, type LoggerOptions } from "pino";

const SECRET_KEYS = ["password", "currentPassword", "newPassword", "token", "authorization", "cookie", "secret", "connectionString"];

export function loggerOptions(level = process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info")): LoggerOptions {
  return {
    level,
    base: { app: "faultline" },
    redact: { paths: [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`), "*.headers.cookie", "*.headers.authorization"], censor: "[redacted]" },
  };
}

let instance: Logger | undefined;

export function logger(): Logger {
  instance ??= pino(loggerOptions());
  return instance;
}
