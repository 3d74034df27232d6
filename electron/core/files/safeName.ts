/**
 * File names from other people become names on this disk: whatever the sender called the file
 * (Chinese, spaces, `#%+`, emoji, or something hostile), the result is one plain file name that
 * is valid on Windows, macOS and Linux and cannot leave the folder it is saved in.
 */

/** Windows refuses these as a name's stem whatever the extension (`CON.txt` too). */
const RESERVED_STEM = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
/** Characters Windows forbids, path separators, and control characters (C0, DEL, C1). */
const FORBIDDEN = /[<>:"/\\|?*\p{Cc}]/gu;
/** Bidirectional overrides would let "txt.exe" display as "exe.txt". */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Room left for " (123)" and a ".part" suffix under the usual 255-byte limit. */
const MAX_NAME_BYTES = 200;
const FALLBACK = 'file';

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Cuts `text` to at most `maxBytes` UTF-8 bytes without splitting a character (or an emoji's pair). */
function cutToBytes(text: string, maxBytes: number): string {
  let out = '';
  for (const ch of text) {
    if (utf8Bytes(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}

/** The name split at its last dot; a leading dot (".env") is part of the stem. */
export function splitExtension(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return { stem: name, ext: '' };
  return { stem: name.slice(0, dot), ext: name.slice(dot) };
}

/** One safe file name for `name` (never empty, never a path, never reserved). */
export function safeFileName(name: string): string {
  let clean = name.normalize('NFC').replace(FORBIDDEN, '_').replace(BIDI, '');
  // Windows drops trailing dots and spaces (so "a." and "a" collide); leading spaces hide the name.
  clean = clean.replace(/^[\s]+/u, '').replace(/[. ]+$/u, '');
  if (clean === '' || /^\.+$/.test(clean)) return FALLBACK;
  let { stem, ext } = splitExtension(clean);
  if (utf8Bytes(ext) > 32) {
    stem = clean;
    ext = '';
  }
  if (RESERVED_STEM.test(stem.split('.')[0] ?? '')) stem = `_${stem}`;
  const room = MAX_NAME_BYTES - utf8Bytes(ext);
  const cut = cutToBytes(stem, room);
  // A cut may end the stem on a dot or a space, which Windows would drop.
  if (cut !== stem) stem = cut.replace(/[. ]+$/u, '');
  if (stem === '') stem = FALLBACK;
  return `${stem}${ext}`;
}

/** The n-th alternative of a name: "report (1).pdf", "report (2).pdf", … */
export function numberedName(name: string, n: number): string {
  if (n === 0) return name;
  const { stem, ext } = splitExtension(name);
  return `${stem} (${n})${ext}`;
}

/**
 * The first of `name`, "name (1)", "name (2)"… that `isFree` accepts. `isFree` should claim
 * the name (create it exclusively) so two downloads can never pick the same one; the file
 * system decides what counts as taken (case-insensitive on Windows and macOS).
 */
export async function firstFreeName(
  name: string,
  isFree: (candidate: string) => Promise<boolean>,
  limit = 10_000,
): Promise<string> {
  const safe = safeFileName(name);
  for (let n = 0; n < limit; n += 1) {
    const candidate = numberedName(safe, n);
    if (await isFree(candidate)) return candidate;
  }
  throw new Error(`no free name for ${safe} after ${limit} tries`);
}
