import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async (_url: string) => {}) } }));
vi.mock('electron', () => ({ shell: electron.shell }));

const { hardenSession, hardenWebContents } = await import('../../../electron/main/security');

type OpenHandler = (details: { url: string }) => { action: string };

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: OpenHandler | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: OpenHandler) => {
      openHandler = handler;
    },
  });
  hardenWebContents(contents as unknown as WebContents);
  const open = (url: string): { action: string } => {
    if (!openHandler) throw new Error('no window open handler');
    return openHandler({ url });
  };
  const navigation = (url: string, extra: Record<string, unknown> = {}) => ({
    url,
    preventDefault: vi.fn(),
    ...extra,
  });
  return { contents, open, navigation };
}

beforeEach(() => {
  electron.shell.openExternal.mockClear();
});

describe('hardenWebContents', () => {
  it('denies every new window and opens only allowed links externally', () => {
    const { open } = fakeContents();
    expect(open('https://example.com/page')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('app://tidings/index.html')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://example.com/page']]);
  });

  it('blocks every navigation of the page, handing allowed links to the OS', () => {
    const { contents, navigation } = fakeContents();
    const link = navigation('mailto:someone@example.com');
    const local = navigation('file:///etc/passwd');
    const inApp = navigation('app://tidings/other.html');
    for (const event of [link, local, inApp]) contents.emit('will-navigate', event);
    for (const event of [link, local, inApp]) expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(electron.shell.openExternal.mock.calls).toEqual([['mailto:someone@example.com']]);
  });

  it('blocks subframe navigation and <webview>', () => {
    const { contents, navigation } = fakeContents();
    const sub = navigation('https://example.com/', { isMainFrame: false });
    contents.emit('will-frame-navigate', sub);
    expect(sub.preventDefault).toHaveBeenCalledOnce();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('hardenSession', () => {
  type RequestHandler = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: { requestingUrl: string },
  ) => void;
  type CheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

  function fakeSession() {
    const handlers: { request?: RequestHandler; check?: CheckHandler } = {};
    const session = {
      setPermissionRequestHandler: (handler: RequestHandler) => (handlers.request = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => (handlers.check = handler),
    };
    hardenSession(session as unknown as Session);
    return handlers;
  }

  it('grants only the clipboard write to our own page', () => {
    const { request, check } = fakeSession();
    if (!request || !check) throw new Error('handlers not installed');
    const asked = (permission: string, url: string): boolean => {
      let granted: boolean | undefined;
      request(null, permission, (value) => (granted = value), { requestingUrl: url });
      return granted === true;
    };
    expect(asked('clipboard-sanitized-write', 'app://tidings/index.html')).toBe(true);
    expect(asked('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      expect(asked(permission, 'app://tidings/index.html'), permission).toBe(false);
    }
    expect(check(null, 'clipboard-sanitized-write', 'app://tidings')).toBe(true);
    expect(check(null, 'media', 'app://tidings')).toBe(false);
  });
});
