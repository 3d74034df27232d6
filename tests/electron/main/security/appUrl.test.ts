import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  contentTypeFor,
  isAppUrl,
  resolveAppPath,
} from '../../../../electron/main/security/appUrl';

describe('isAppUrl', () => {
  it('accepts pages of app://tidings only', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://tidings/')).toBe(true);
    expect(isAppUrl('app://tidings/index.html?x=1#y')).toBe(true);
  });

  it('rejects other origins, look-alikes and garbage', () => {
    for (const url of [
      'app://evil/index.html',
      'app://tidings.evil/index.html',
      'app://tidings:8080/index.html',
      'app://user@tidings/index.html',
      'https://tidings/index.html',
      'file:///index.html',
      'about:blank',
      '',
      'app:tidings',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('resolveAppPath (posix)', () => {
  const root = '/opt/tidings/dist/renderer';
  const resolve = (url: string): string | null => resolveAppPath(root, url, path.posix);

  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolve('app://tidings/index.html')).toBe(`${root}/index.html`);
    expect(resolve('app://tidings/assets/index-abc.js?v=1#x')).toBe(`${root}/assets/index-abc.js`);
    expect(resolve('app://tidings/assets/with%20space.css')).toBe(`${root}/assets/with space.css`);
    expect(resolve('app://tidings/')).toBe(`${root}/index.html`);
    expect(resolve('app://tidings')).toBe(`${root}/index.html`);
  });

  it('keeps dot segments the URL parser folds inside the folder', () => {
    expect(resolve('app://tidings/../../etc/passwd')).toBe(`${root}/etc/passwd`);
    expect(resolve('app://tidings/%2e%2e/%2E%2E/etc/passwd')).toBe(`${root}/etc/passwd`);
  });

  it('rejects traversal hidden behind encoded separators', () => {
    for (const url of [
      'app://tidings/..%2f..%2fetc%2fpasswd',
      'app://tidings/..%2F..%2F..%2Fetc/passwd',
      'app://tidings/assets/..%2f..%2f..%2fsecret',
      'app://tidings/%2e%2e%2f%2e%2e%2fsecret',
      'app://tidings/..%2f',
      'app://tidings/%2f..%2f..%2fetc%2fpasswd',
    ]) {
      expect(resolve(url), url).toBeNull();
    }
  });

  it('rejects NUL bytes, malformed escapes and foreign URLs', () => {
    expect(resolve('app://tidings/index.html%00.png')).toBeNull();
    expect(resolve('app://tidings/%E0%A4%A')).toBeNull();
    expect(resolve('app://evil/index.html')).toBeNull();
    expect(resolve('file:///etc/passwd')).toBeNull();
    expect(resolve('garbage')).toBeNull();
  });
});

describe('resolveAppPath (Windows paths)', () => {
  const root = 'C:\\Program Files\\Tidings\\resources\\app.asar\\dist\\renderer';
  const resolve = (url: string): string | null => resolveAppPath(root, url, path.win32);

  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolve('app://tidings/assets/app.js')).toBe(`${root}\\assets\\app.js`);
  });

  it('rejects backslash traversal and drive letters', () => {
    for (const url of [
      'app://tidings/..%5c..%5c..%5cWindows%5cwin.ini',
      'app://tidings/..\\..\\..\\Windows\\win.ini',
      'app://tidings/C:%5cWindows%5cwin.ini',
      'app://tidings/C:/Windows/win.ini',
      'app://tidings/D:/secret.txt',
    ]) {
      expect(resolve(url), url).toBeNull();
    }
  });

  it('reads a UNC-looking path as a file inside the folder, never as a network share', () => {
    expect(resolve('app://tidings/%5c%5cserver%5cshare%5cx')).toBe(`${root}\\server\\share\\x`);
  });
});

describe('contentTypeFor', () => {
  it('gives module scripts a JavaScript type and unknown files a safe default', () => {
    expect(contentTypeFor('/x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('/x/a.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/a.css')).toMatch(/^text\/css/);
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.bin')).toBe('application/octet-stream');
  });
});
