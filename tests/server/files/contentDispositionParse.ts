/** File names that broke downloads somewhere: CJK, spaces, quotes, `#%+`, emoji, header syntax. */
export const HOSTILE_NAMES = [
  '报告 2024年.pdf',
  'my holiday photo.jpg',
  'say "hi".txt',
  'back\\slash.txt',
  'a#b%c+d&e=f?.txt',
  '100% done.txt',
  '%E4%B8%AD.txt',
  '😀 party 🎉.png',
  "it's (1) [x] {y} *z*.doc",
  'semi;colon,comma.txt',
  '../../etc/passwd',
  "filename*=UTF-8''evil.exe",
  'Ünïcødé — dash.txt',
];

/**
 * Reads a Content-Disposition header back the way an RFC 6266 agent does: `filename*`
 * (RFC 5987: charset'lang'percent-encoded UTF-8) wins; `filename` is the quoted fallback.
 */
export function parseContentDisposition(header: string): Readonly<{
  type: string;
  filename: string | null;
  filenameStar: string | null;
}> {
  const type = /^\s*([^;\s]+)/.exec(header)?.[1] ?? '';
  const quoted = /;\s*filename="((?:[^"\\]|\\.)*)"/.exec(header)?.[1];
  const ext = /;\s*filename\*=([^;]*)/.exec(header)?.[1]?.trim();
  let filenameStar: string | null = null;
  if (ext !== undefined) {
    const match = /^UTF-8'[^']*'((?:%[0-9A-F]{2}|[A-Za-z0-9!#$&+.^_`|~-])*)$/i.exec(ext);
    if (!match) throw new Error(`filename* is not RFC 5987: ${ext}`);
    filenameStar = decodeURIComponent(match[1] ?? '');
  }
  return {
    type,
    filename: quoted === undefined ? null : quoted.replace(/\\(.)/g, '$1'),
    filenameStar,
  };
}
