import { describe, expect, it } from 'vitest';
import {
  appContentSecurityPolicy,
  withContentSecurityPolicy,
} from '../../../../electron/main/security/contentSecurityPolicy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== undefined && words[0] !== '')
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe('the app Content-Security-Policy', () => {
  const policy = directives(appContentSecurityPolicy());

  it('denies by default and runs only our own scripts and styles', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    const everything = [...policy.values()].flat();
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', "'wasm-unsafe-eval'"]) {
      expect(everything, unsafe).not.toContain(unsafe);
    }
  });

  it('opens no connections, embeds nothing and cannot be framed', () => {
    for (const name of [
      'connect-src',
      'object-src',
      'frame-src',
      'frame-ancestors',
      'base-uri',
      'form-action',
    ]) {
      expect(policy.get(name), name).toEqual(["'none'"]);
    }
  });

  it('is what the callback form hands on, next to the other headers', () => {
    let seen: Record<string, string[]> = {};
    withContentSecurityPolicy({ 'X-Other': ['1'] }, ({ responseHeaders }) => (seen = responseHeaders));
    expect(seen['X-Other']).toEqual(['1']);
    expect(seen['Content-Security-Policy']).toEqual([appContentSecurityPolicy()]);
  });
});
