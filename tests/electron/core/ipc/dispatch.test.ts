import { describe, expect, it } from 'vitest';
import { channelNames, IpcFailure, isShellChannel, type Account } from '../../../../shared/ipc';
import { createDispatch } from '../../../../electron/core/ipc/dispatch';
import type { HandlerTable } from '../../../../electron/core/ipc/handlerTable';
import { HttpStatusError, ServerUnreachableError } from '../../../../electron/core/http/httpErrors';
import { createCaptureLogger } from '../helpers/captureLogger';

const account: Account = {
  userId: 'u1',
  username: 'alice',
  displayName: 'Alice',
  serverUrl: 'http://127.0.0.1:1',
  mode: 'tidings',
};

const engineChannels = channelNames.filter((c) => !isShellChannel(c));

function table(overrides: Partial<HandlerTable> = {}): HandlerTable {
  const unused = (): Promise<never> => Promise.reject(new Error('not used in this test'));
  const all = Object.fromEntries(engineChannels.map((c) => [c, unused])) as unknown as HandlerTable;
  return {
    ...all,
    'auth:current': () => Promise.resolve(account),
    'conversations:list': () => Promise.resolve([]),
    ...overrides,
  };
}

describe('dispatch', () => {
  it('rejects channels the contract does not have, whatever their type', async () => {
    const dispatch = createDispatch(table(), createCaptureLogger());
    expect(await dispatch('auth:hack', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await dispatch(42 as unknown as string, {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
  });

  it('leaves the shell’s own channels to the shell', async () => {
    const dispatch = createDispatch(table(), createCaptureLogger());
    const shell = channelNames.filter((c) => isShellChannel(c));
    for (const channel of shell)
      expect(await dispatch(channel, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('validates the request with the contract schema and reports zod’s message', async () => {
    let called = false;
    const dispatch = createDispatch(
      table({
        'messages:list': () => {
          called = true;
          return Promise.resolve([]);
        },
      }),
      createCaptureLogger(),
    );
    const result = await dispatch('messages:list', { conversationId: '', limit: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message).toMatch(/conversationId/);
    expect(result.error.message).toMatch(/limit/);
    expect(await dispatch('auth:current', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await dispatch('auth:current', undefined)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(called).toBe(false);
  });

  it('passes the parsed request (defaults applied) and wraps the answer', async () => {
    let seen: unknown;
    const dispatch = createDispatch(
      table({
        'messages:list': (request) => {
          seen = request;
          return Promise.resolve([]);
        },
      }),
      createCaptureLogger(),
    );
    expect(await dispatch('messages:list', { conversationId: 'd:a:b' })).toEqual({ ok: true, value: [] });
    expect(seen).toEqual({ conversationId: 'd:a:b', limit: 50 });
    expect(await dispatch('auth:current', {})).toEqual({ ok: true, value: account });
  });

  it('maps thrown errors to codes and never throws', async () => {
    const cases: Array<[unknown, string]> = [
      [new IpcFailure('conversation-not-found'), 'conversation-not-found'],
      [new HttpStatusError(401, 'invalid-credentials', 'no'), 'invalid-credentials'],
      [new HttpStatusError(409, 'username-taken', 'taken'), 'username-taken'],
      [new HttpStatusError(404, 'user-not-found', 'who'), 'user-not-found'],
      [new HttpStatusError(503, null, 'down'), 'server-error'],
      [new ServerUnreachableError('refused'), 'server-unreachable'],
      [new TypeError('x is undefined'), 'internal'],
    ];
    for (const [thrown, code] of cases) {
      const dispatch = createDispatch(
        table({
          'auth:current': () => Promise.reject(thrown instanceof Error ? thrown : new Error(String(thrown))),
        }),
        createCaptureLogger(),
      );
      expect(await dispatch('auth:current', {})).toMatchObject({ ok: false, error: { code } });
    }
  });

  it('maps a rejection that is not an Error to internal', async () => {
    const dispatch = createDispatch(
      // A thenable that rejects with a bare string, as careless library code might.
      table({
        'auth:current': () =>
          ({ then: (_ok: unknown, fail: (reason: unknown) => void) => fail('a string') }) as never,
      }),
      createCaptureLogger(),
    );
    expect(await dispatch('auth:current', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('turns a synchronous throw and a broken logger into a Result as well', async () => {
    const throwing = (): never => {
      throw new Error('logger down');
    };
    const dispatch = createDispatch(
      table({
        'auth:current': () => {
          throw new Error('sync');
        },
      }),
      { debug: throwing, info: throwing, warn: throwing, error: throwing },
    );
    expect(await dispatch('auth:current', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('does not let an internal error’s text reach the page, but logs it', async () => {
    const logger = createCaptureLogger();
    const dispatch = createDispatch(
      table({
        'auth:current': () => Promise.reject(new Error('SQLITE_CORRUPT at /home/someone/secret/path')),
      }),
      logger,
    );
    const result = await dispatch('auth:current', {});
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(
      logger.entries.some((e) => e.level === 'error' && String(e.fields.error).includes('SQLITE_CORRUPT')),
    ).toBe(true);
  });

  it('refuses to return an answer the contract forbids', async () => {
    const dispatch = createDispatch(
      table({ 'auth:current': () => Promise.resolve({ userId: 1 } as unknown as Account) }),
      createCaptureLogger(),
    );
    expect(await dispatch('auth:current', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('needs a handler for every channel of the contract (checked by tsc)', () => {
    const { 'messages:send': _left, ...withoutSend } = table();
    // @ts-expect-error: a table without 'messages:send' is not a HandlerTable.
    const incomplete: HandlerTable = withoutSend;
    expect(Object.keys(incomplete)).not.toContain('messages:send');
    expect(Object.keys(table()).sort()).toEqual([...engineChannels].sort());
  });
});
