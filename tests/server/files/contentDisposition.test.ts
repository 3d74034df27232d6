import { describe, expect, it } from 'vitest';
import { asciiFallback, contentDisposition } from '../../../server/files/contentDisposition';
import { HOSTILE_NAMES, parseContentDisposition } from './contentDispositionParse';

describe('Content-Disposition', () => {
  it.each(HOSTILE_NAMES)(
    'round-trips %s through filename* and keeps the fallback ASCII and quoted',
    (name) => {
      const header = contentDisposition(name);
      // Header values must be visible ASCII (no raw UTF-8, no CR/LF).
      expect(header).toMatch(/^[\x20-\x7e]+$/);
      const parsed = parseContentDisposition(header);
      expect(parsed.type).toBe('attachment');
      expect(parsed.filenameStar).toBe(name);
      expect(parsed.filename).not.toBeNull();
      expect(parsed.filename).not.toContain('%');
      expect(header.match(/;\s*filename\*=/g)).toHaveLength(1);
    },
  );

  it('replaces non-ASCII and % in the fallback and escapes quotes and backslashes', () => {
    expect(asciiFallback('报告.pdf')).toBe('__.pdf');
    expect(asciiFallback('say "hi"\\x')).toBe('say \\"hi\\"\\\\x');
    expect(asciiFallback('50%')).toBe('50_');
    expect(asciiFallback('😀')).toBe('_');
    expect(contentDisposition('a b.txt', 'inline')).toBe(
      `inline; filename="a b.txt"; filename*=UTF-8''a%20b.txt`,
    );
  });
});
