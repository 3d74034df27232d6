import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenSession } from '../../../../electron/main/security/session';

type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string) => boolean;
type HeadersHandler = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders: Record<string, string[]> }) => void,
) => void;

function fakeSession() {
  const handlers: { request?: RequestHandler; check?: CheckHandler; headers?: HeadersHandler } = {};
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => (handlers.check = handler),
    webRequest: { onHeadersReceived: (handler: HeadersHandler) => (handlers.headers = handler) },
  };
  hardenSession(session as unknown as Session);
  const { request, check, headers } = handlers;
  if (!request || !check || !headers) throw new Error('handlers not installed');
  return { request, check, headers };
}

describe('hardenSession', () => {
  it('grants only notifications and clipboard writes, and only to our own page', () => {
    const { request, check } = fakeSession();
    const asked = (permission: string, url: string): boolean => {
      let granted: boolean | undefined;
      request(null, permission, (value) => (granted = value), { requestingUrl: url });
      return granted === true;
    };
    for (const permission of ['clipboard-sanitized-write', 'notifications']) {
      expect(asked(permission, 'app://tidings/index.html'), permission).toBe(true);
      expect(asked(permission, 'https://evil.example/'), permission).toBe(false);
      expect(asked(permission, 'app://evil/index.html'), permission).toBe(false);
    }
    for (const permission of [
      'media',
      'geolocation',
      'openExternal',
      'clipboard-read',
      'hid',
      'fullscreen',
    ]) {
      expect(asked(permission, 'app://tidings/index.html'), permission).toBe(false);
    }
    expect(check(null, 'clipboard-sanitized-write', 'app://tidings')).toBe(true);
    expect(check(null, 'notifications', 'app://tidings')).toBe(true);
    expect(check(null, 'media', 'app://tidings')).toBe(false);
    expect(check(null, 'notifications', 'https://evil.example')).toBe(false);
  });

  it('adds the app CSP to every response, keeping the other headers', () => {
    const { headers } = fakeSession();
    let response: Record<string, string[]> | undefined;
    headers(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (answer) => (response = answer.responseHeaders),
    );
    expect(response?.['Content-Type']).toEqual(['text/html']);
    expect(response?.['Content-Security-Policy']?.[0]).toContain("default-src 'none'");
    headers({}, (answer) => (response = answer.responseHeaders));
    expect(response?.['Content-Security-Policy']).toHaveLength(1);
  });
});
