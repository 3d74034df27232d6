/**
 * Structured lines on stderr until electron-log arrives with the full shell (style.md §12).
 * Only event names and error messages: never request payloads, which carry message bodies.
 */
export function logError(event: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `${JSON.stringify({ level: 'error', time: new Date().toISOString(), event, message })}\n`,
  );
}

export function logWarning(event: string, message: string): void {
  process.stderr.write(
    `${JSON.stringify({ level: 'warn', time: new Date().toISOString(), event, message })}\n`,
  );
}
