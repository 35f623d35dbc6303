/**
 * A reason Faultline cannot start, with the fix. The start script prints it as one line and exits non-zero,
 * without a stack trace: the operator needs the cause and the remedy, not our internals.
 */
export class StartupError extends Error {
  constructor(
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`${reason} — ${fix}`);
    this.name = "StartupError";
  }
}
