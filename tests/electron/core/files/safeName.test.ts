import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstFreeName, numberedName, safeFileName } from '../../../../electron/core/files/safeName';
import { useTempDirs } from '../helpers/tempDirs';

const newDir = useTempDirs('tidings-names-');

describe('safeFileName', () => {
  it.each([
    ['报告 2024.pdf', '报告 2024.pdf'],
    ['my file #1 100% + more.txt', 'my file #1 100% + more.txt'],
    ['photo 🎉🐱.jpg', 'photo 🎉🐱.jpg'],
    ["quote's & (parens) [x].md", "quote's & (parens) [x].md"],
  ])('keeps a harmless name as it is: %s', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it.each([
    ['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['back\\slash.txt', 'back_slash.txt'],
    ['tab\there\nnewline\u0000nul\u007fdel\u0085nel.txt', 'tab_here_newline_nul_del_nel.txt'],
  ])('replaces what Windows forbids and control characters: %j', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it.each([
    ['../../etc/passwd', '.._.._etc_passwd'],
    ['/etc/passwd', '_etc_passwd'],
    ['..\\..\\Windows\\system.ini', '.._.._Windows_system.ini'],
    ['..', 'file'],
    ['.', 'file'],
    ['', 'file'],
    ['   ', 'file'],
    ['...', 'file'],
  ])('never leaves the folder and is never empty: %j → %j', (name, expected) => {
    const safe = safeFileName(name);
    expect(safe).toBe(expected);
    expect(path.basename(safe)).toBe(safe);
    expect(path.join('/downloads', safe).startsWith('/downloads/')).toBe(true);
  });

  it.each([
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['NUL.tar.gz', '_NUL.tar.gz'],
    ['Com1.log', '_Com1.log'],
    ['lpt9', '_lpt9'],
    ['COM¹.txt', '_COM¹.txt'],
    ['console.txt', 'console.txt'],
    ['CONNECT', 'CONNECT'],
  ])('prefixes names Windows reserves: %s', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it.each([
    ['trailing dot.', 'trailing dot'],
    ['trailing space.txt  ', 'trailing space.txt'],
    ['dots and spaces. . .', 'dots and spaces'],
    ['  leading spaces.txt', 'leading spaces.txt'],
  ])('drops trailing dots and spaces Windows would drop: %j', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it('removes bidirectional overrides that disguise an extension', () => {
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
  });

  it('cuts a long name to at most 200 UTF-8 bytes, keeping the extension and whole characters', () => {
    const long = `${'文'.repeat(150)}🎉${'x'.repeat(100)}.pdf`;
    const safe = safeFileName(long);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(200);
    expect(safe.endsWith('.pdf')).toBe(true);
    expect(safe).not.toContain('\uFFFD');
    expect(Array.from(safe).every((ch) => ch.codePointAt(0) !== undefined)).toBe(true);
    expect(safe.startsWith('文文文')).toBe(true);
  });

  it('normalises to NFC so the same name from macOS and Windows is one name', () => {
    expect(safeFileName('cafe\u0301.txt')).toBe('café.txt');
  });
});

describe('numberedName and firstFreeName', () => {
  it('numbers before the extension', () => {
    expect(numberedName('report.pdf', 0)).toBe('report.pdf');
    expect(numberedName('report.pdf', 2)).toBe('report (2).pdf');
    expect(numberedName('README', 1)).toBe('README (1)');
    expect(numberedName('.env', 1)).toBe('.env (1)');
  });

  it('picks the first name not taken in a real folder', async () => {
    const dir = newDir();
    for (const taken of ['报告 #1.pdf', '报告 #1 (1).pdf']) fs.writeFileSync(path.join(dir, taken), 'x');
    const claim = (candidate: string): Promise<boolean> => {
      try {
        fs.writeFileSync(path.join(dir, candidate), 'new', { flag: 'wx' });
        return Promise.resolve(true);
      } catch {
        return Promise.resolve(false);
      }
    };
    expect(await firstFreeName('报告 #1.pdf', claim)).toBe('报告 #1 (2).pdf');
    expect(await firstFreeName('报告 #1.pdf', claim)).toBe('报告 #1 (3).pdf');
    expect(await firstFreeName('CON', claim)).toBe('_CON');
    expect(fs.readdirSync(dir).sort()).toEqual(
      ['_CON', '报告 #1 (1).pdf', '报告 #1 (2).pdf', '报告 #1 (3).pdf', '报告 #1.pdf'].sort(),
    );
  });
});
