/** A single satisfiable byte range, inclusive at both ends (as in `Content-Range`). */
export type ByteRange = Readonly<{ start: number; end: number }>;

/**
 * What to answer for a `Range` header on a representation of `size` bytes (RFC 9110 §14):
 * `full` (no header, a malformed one, another unit, or several ranges: a server may ignore
 * Range, and one 200 is simpler and cheaper than multipart/byteranges), `partial` for one
 * satisfiable range, or `unsatisfiable` (416).
 */
export function resolveRange(
  header: string | undefined,
  size: number,
):
  | Readonly<{ kind: 'full' }>
  | Readonly<{ kind: 'partial'; range: ByteRange }>
  | Readonly<{ kind: 'unsatisfiable' }> {
  if (header === undefined) return { kind: 'full' };
  const match = /^bytes=\s*(\d*)-(\d*)\s*$/.exec(header.trim());
  if (!match) return { kind: 'full' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    // Suffix range: the last N bytes.
    const length = Number(last);
    if (!Number.isSafeInteger(length)) return { kind: 'full' };
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', range: { start: Math.max(0, size - length), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return { kind: 'full' };
  if (last !== '' && Number(last) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', range: { start, end } };
}
