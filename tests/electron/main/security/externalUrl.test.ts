import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, toExternalUrl } from '../../../../electron/main/security/externalUrl';

describe('toExternalUrl', () => {
  it('passes web and mail links, normalized by the URL parser', () => {
    expect(toExternalUrl('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d');
    expect(toExternalUrl('HTTP://Example.COM')).toBe('http://example.com/');
    expect(toExternalUrl('mailto:someone@example.com')).toBe('mailto:someone@example.com');
  });

  it('refuses schemes that run code or reach local files', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'file:///etc/passwd',
      'file://server/share/x.exe',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'smb://host/share',
      'ms-msdt:/id PCWDiagnostic',
      'tidings://open',
      'app://tidings/index.html',
      'chrome://settings',
    ]) {
      expect(toExternalUrl(url), url).toBeNull();
    }
  });

  it('refuses malformed and non-string input', () => {
    for (const url of [
      '',
      'not a url',
      'http://',
      'https://exa mple.com',
      '//example.com',
      '/relative',
      'http://[::1',
    ]) {
      expect(toExternalUrl(url), url).toBeNull();
    }
    expect(toExternalUrl(undefined)).toBeNull();
    expect(toExternalUrl(42)).toBeNull();
    expect(toExternalUrl(`https://example.com/${'a'.repeat(9000)}`)).toBeNull();
  });

  it('refuses credentials in web links (https://bank@evil)', () => {
    expect(toExternalUrl('https://bank.example@evil.example/')).toBeNull();
    expect(toExternalUrl('https://user:pass@example.com/')).toBeNull();
  });

  it('isAllowedExternalUrl agrees with toExternalUrl', () => {
    expect(isAllowedExternalUrl('https://example.com')).toBe(true);
    expect(isAllowedExternalUrl('javascript:void(0)')).toBe(false);
  });
});
