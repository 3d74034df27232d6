import { describe, expect, it, vi } from 'vitest';
import { createShellDispatch, type ShellHandlers } from '../../../../electron/main/ipc/shellDispatch';
import { initialUpdateState } from '../../../../electron/main/update/updateState';

function handlers(patch: Partial<ShellHandlers> = {}): ShellHandlers {
  const state = initialUpdateState('1.0.0', 'stable', null);
  return {
    'update:state': vi.fn(() => Promise.resolve(state)),
    'update:check': vi.fn(() => Promise.resolve(state)),
    'update:download': vi.fn(() => Promise.resolve(state)),
    'update:install': vi.fn(() => Promise.resolve({ restarting: false })),
    'app:revealLogs': vi.fn(() => Promise.resolve({ shown: true })),
    'app:openExternal': vi.fn(() => Promise.resolve({ opened: true })),
    'app:openFile': vi.fn(() => Promise.resolve({ opened: true })),
    'app:showFile': vi.fn(() => Promise.resolve({ shown: true })),
    'app:takeNavigation': vi.fn(() => Promise.resolve({ kind: 'addFriend' as const, username: 'ada' })),
    ...patch,
  };
}

describe('shell dispatch', () => {
  it('refuses a link that is not web or mail before the handler runs', async () => {
    const table = handlers();
    const dispatch = createShellDispatch(table, vi.fn());
    await expect(dispatch('app:openExternal', { url: 'file:///etc/passwd' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(table['app:openExternal']).not.toHaveBeenCalled();
  });

  it('validates the request, runs the handler and checks its answer', async () => {
    const table = handlers();
    const dispatch = createShellDispatch(table, vi.fn());
    await expect(dispatch('app:takeNavigation', {})).resolves.toEqual({
      ok: true,
      value: { kind: 'addFriend', username: 'ada' },
    });
    await expect(dispatch('app:revealLogs', { extra: true })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    await expect(dispatch('update:check', null)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(table['app:revealLogs']).not.toHaveBeenCalled();
    expect(table['update:check']).not.toHaveBeenCalled();
  });

  it('turns a throwing handler or an invalid answer into internal, and reports it', async () => {
    const onError = vi.fn();
    const dispatch = createShellDispatch(
      handlers({
        'update:install': () => Promise.reject(new Error('boom')),
        'app:revealLogs': () => Promise.resolve({ shown: 'yes' } as unknown as { shown: boolean }),
      }),
      onError,
    );
    await expect(dispatch('update:install', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    await expect(dispatch('app:revealLogs', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(onError.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      'shell-handler-failed:update:install',
      'shell-invalid-response',
    ]);
  });
});
