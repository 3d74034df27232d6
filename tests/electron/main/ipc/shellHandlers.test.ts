import { describe, expect, it, vi } from 'vitest';
import { createNavigationInbox } from '../../../../electron/main/deepLinks/navigationInbox';
import { createShellHandlers } from '../../../../electron/main/ipc/shellHandlers';
import type { UpdateController } from '../../../../electron/main/update/updateController';
import { initialUpdateState } from '../../../../electron/main/update/updateState';

describe('shell handlers', () => {
  it('answer from the update controller, the navigation inbox and the log', async () => {
    const state = initialUpdateState('1.0.0', 'stable', null);
    const updates = {
      state: () => state,
      check: vi.fn(() => Promise.resolve(state)),
      download: vi.fn(() => Promise.resolve(state)),
      install: vi.fn(() => ({ restarting: true })),
    } as unknown as UpdateController;
    const navigation = createNavigationInbox(vi.fn());
    navigation.push({ kind: 'conversation', conversationId: 'd:a:b' });
    const openers = {
      openExternal: vi.fn(() => Promise.resolve(true)),
      openMessageFile: vi.fn(() => Promise.resolve(false)),
      showMessageFile: vi.fn(() => Promise.resolve(true)),
    };
    const handlers = createShellHandlers({ updates, navigation, revealLogs: () => false, openers });
    await expect(handlers['update:state']({})).resolves.toBe(state);
    await expect(handlers['update:check']({})).resolves.toBe(state);
    await expect(handlers['update:download']({})).resolves.toBe(state);
    await expect(handlers['update:install']({})).resolves.toEqual({ restarting: true });
    await expect(handlers['app:revealLogs']({})).resolves.toEqual({ shown: false });
    await expect(handlers['app:takeNavigation']({})).resolves.toEqual({
      kind: 'conversation',
      conversationId: 'd:a:b',
    });
    await expect(handlers['app:takeNavigation']({})).resolves.toBeNull();
    await expect(handlers['app:openExternal']({ url: 'https://example.com/' })).resolves.toEqual({
      opened: true,
    });
    expect(openers.openExternal).toHaveBeenCalledWith('https://example.com/');
    await expect(handlers['app:openFile']({ messageId: 'fp-1' })).resolves.toEqual({ opened: false });
    expect(openers.openMessageFile).toHaveBeenCalledWith('fp-1');
    await expect(handlers['app:showFile']({ messageId: 'fp-2' })).resolves.toEqual({ shown: true });
    expect(openers.showMessageFile).toHaveBeenCalledWith('fp-2');
  });
});
