import type { LogFields, Logger, LogLevel } from '../../../../electron/core/deps/logger';

export type LogEntry = Readonly<{ level: LogLevel; event: string; fields: LogFields }>;

/** A logger that keeps every entry, for assertions and for waiting on engine milestones. */
export function createCaptureLogger(): Logger & { entries: LogEntry[]; count(event: string): number } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}): void => {
      entries.push({ level, event, fields });
    };
  return {
    entries,
    count: (event: string) => entries.filter((e) => e.event === event).length,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
}
