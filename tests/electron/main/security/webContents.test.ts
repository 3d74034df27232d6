import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async (_url: string) => {}) } }));
vi.mock('electron', () => ({ shell: electron.shell }));

const { hardenWebContents } = await import('../../../../electron/main/security/webContents');

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
