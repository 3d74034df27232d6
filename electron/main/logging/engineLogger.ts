import type { LogFields, Logger, LogLevel } from '../../core';
import { appLog } from './log';

/** The part of electron-log a scoped logger offers; structural so tests can pass a recorder. */
export type LevelSink = Readonly<{ [L in LogLevel]: (...params: unknown[]) => void }>;

/**
 * The engine's logger, written to the app log under the `engine` scope. The engine already
 * keeps secrets and message bodies out of its fields, so they pass through unchanged.
 */
export function createEngineLogger(sink: LevelSink = appLog.scope('engine')): Logger {
  const at =
    (level: LogLevel) =>
    (event: string, fields?: LogFields): void => {
      if (fields === undefined) sink[level](event);
      else sink[level](event, fields);
    };
  return Object.freeze({ debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') });
}
