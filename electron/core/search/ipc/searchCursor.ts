/**
 * The paging cursor is opaque to the UI: the last hit's row id, versioned and base64url
 * encoded, so the format can change without the UI noticing. Anything else decodes to null.
 */
const PREFIX = 's1.';

export function encodeCursor(key: number): string {
  return Buffer.from(`${PREFIX}${key.toString(36)}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return null;
  const body = text.slice(PREFIX.length);
  if (!/^[0-9a-z]{1,12}$/.test(body)) return null;
  const key = parseInt(body, 36);
  return Number.isSafeInteger(key) && key > 0 ? key : null;
}
