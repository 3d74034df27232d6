/** Exit codes: 0 done, 1 failed, 2 bad usage, 3 not done in time. */
export const ExitCode = { ok: 0, failed: 1, usage: 2, timeout: 3 } as const;

/** A failure the user should read: printed on stderr, then the process exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.failed,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
