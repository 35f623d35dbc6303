// One pino logger for server code; level from LOG_LEVEL (silent in tests unless asked for).
import pino, { type Logger } from "pino";

let instance: Logger | undefined;

export function logger(): Logger {
  instance ??= pino({ level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"), base: { app: "faultline" } });
  return instance;
}
