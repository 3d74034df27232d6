import { MAX_FRAME_BYTES, utf8ByteLength } from '../../shared/protocol';

/**
 * Room for what the server puts around a payload in a frame (envelope fields, a command
 * reply's id): generous, so a payload that fits this budget always fits a frame.
 */
const ENVELOPE_ALLOWANCE = 1_024;

/** Bytes `payload` takes as a frame's dataContent (JSON inside a JSON string: escapes count twice). */
export function dataContentBytes(payload: unknown): number {
  return utf8ByteLength(JSON.stringify(JSON.stringify(payload)));
}

export function fitsInFrame(payload: unknown): boolean {
  const once = JSON.stringify(payload);
  // Cheap bound first: encoding it again takes at most 3 UTF-8 bytes per UTF-16 unit of `once`.
  if (3 * once.length + ENVELOPE_ALLOWANCE <= MAX_FRAME_BYTES) return true;
  return utf8ByteLength(JSON.stringify(once)) + ENVELOPE_ALLOWANCE <= MAX_FRAME_BYTES;
}

/**
 * The most items of `items` (kept from the `keep` end) whose page `build` returns still fits
 * in a frame; at least one, since a single message always fits (the messaging service refuses
 * bigger ones).
 */
export function fitPage<T>(
  items: readonly T[],
  build: (page: readonly T[]) => unknown,
  keep: 'head' | 'tail',
): T[] {
  const take = (n: number): T[] => (keep === 'head' ? items.slice(0, n) : items.slice(items.length - n));
  // Each item takes at least its own JSON length in the frame: no more of them can fit than that allows.
  let room = MAX_FRAME_BYTES;
  let high = 0;
  for (let i = 0; i < items.length; i++) {
    room -= JSON.stringify(items[keep === 'head' ? i : items.length - 1 - i]).length + 1;
    if (room < 0) break;
    high++;
  }
  if (high === items.length && fitsInFrame(build(items))) return [...items];
  let low = 1;
  high = Math.max(low, Math.min(high, items.length - 1));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fitsInFrame(build(take(mid)))) low = mid;
    else high = mid - 1;
  }
  return take(low);
}

/** Largest stored message body (as it travels, double-encoded): one message plus its metadata always fits a frame. */
export const MAX_BODY_BYTES = MAX_FRAME_BYTES - 4 * ENVELOPE_ALLOWANCE;
