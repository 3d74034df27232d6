/**
 * Row ids are integers in SQLite and decimal strings everywhere else (the wire's user ids are
 * strings). Conversions happen only in repositories.
 */

/** The integer behind a wire id, or null when `text` cannot be one of ours (never throws). */
export function parseId(text: string): number | null {
  if (!/^[1-9][0-9]{0,15}$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

export function formatId(id: number | bigint): string {
  return String(id);
}
