// Turns the configured refresh interval into a cron expression for pg-boss's distributed scheduler.

export function refreshCron(intervalMinutes: number): string | undefined {
  if (intervalMinutes === 0) return undefined;
  if (intervalMinutes < 60) return `*/${intervalMinutes} * * * *`;
  const hours = intervalMinutes / 60;
  return hours === 24 ? "0 0 * * *" : `0 */${hours} * * *`;
}
