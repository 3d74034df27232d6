/**
 * A `Content-Disposition` header that carries any file name (RFC 6266 with RFC 5987's
 * `filename*`): every user agent that knows `filename*` takes the exact UTF-8 name from it; older
 * ones fall back to `filename`, an ASCII approximation that cannot break out of its quotes.
 */
export function contentDisposition(
  name: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  return `${disposition}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeExtValue(name)}`;
}

/**
 * Printable ASCII only; anything else becomes `_`. `%` is replaced too, because some agents
 * percent-decode the plain `filename` (RFC 6266 appendix D); `"` and `\` are escaped.
 */
export function asciiFallback(name: string): string {
  let out = '';
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code > 0x7e || char === '%') out += '_';
    else if (char === '"' || char === '\\') out += `\\${char}`;
    else out += char;
  }
  return out === '' ? 'file' : out;
}

/** RFC 5987 `value-chars`: UTF-8 bytes, all but a safe subset of `attr-char` percent-encoded. */
export function encodeExtValue(name: string): string {
  let out = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9._~-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
