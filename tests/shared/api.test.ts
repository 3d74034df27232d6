import { describe, expect, it } from 'vitest';
import { channelNames, createTidingsApi, type IpcTransport } from '../../shared/ipc';

function recordingTransport(reply: unknown): IpcTransport & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  return {
    calls,
    invoke: (channel, request) => {
      calls.push([channel, request]);
      return Promise.resolve(reply);
    },
    subscribe: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
    emit(event: string, payload: unknown) {
      listeners.get(event)?.(payload);
    },
  } as IpcTransport & { calls: [string, unknown][]; emit(event: string, payload: unknown): void };
}

describe('createTidingsApi', () => {
  it('exposes one frozen named function per channel and no generic invoke', () => {
    const api = createTidingsApi(recordingTransport({ ok: true, value: null }));
    expect(Object.isFrozen(api)).toBe(true);
    for (const channel of channelNames) {
      const [domain, verb] = channel.split(':') as [string, string];
      const group = (api as unknown as Record<string, Record<string, unknown>>)[domain];
      expect(Object.isFrozen(group)).toBe(true);
      expect(typeof group?.[verb]).toBe('function');
    }
    expect(api).not.toHaveProperty('invoke');
  });

  it('passes the request through and validates the reply', async () => {
    const transport = recordingTransport({ ok: true, value: { bogus: true } });
    const api = createTidingsApi(transport);
    const result = await api.auth.current({});
    expect(transport.calls).toEqual([['auth:current', {}]]);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('returns error results unchanged', async () => {
    const error = { code: 'invalid-credentials', message: 'Wrong username or password.' };
    const api = createTidingsApi(recordingTransport({ ok: false, error }));
    const result = await api.auth.login({ serverUrl: 'http://127.0.0.1:1', username: 'a', password: 'b' });
    expect(result).toEqual({ ok: false, error });
  });

  it('drops event payloads that do not match the contract', () => {
    const transport = recordingTransport(null) as ReturnType<typeof recordingTransport> & {
      emit(event: string, payload: unknown): void;
    };
    const api = createTidingsApi(transport);
    const seen: unknown[] = [];
    const off = api.messages.onChanged((payload) => seen.push(payload));
    transport.emit('messages:changed', { conversationId: 'd:1:2', messages: [] });
    transport.emit('messages:changed', { conversationId: 5 });
    expect(seen).toEqual([{ conversationId: 'd:1:2', messages: [] }]);
    off();
    transport.emit('messages:changed', { conversationId: 'd:1:2', messages: [] });
    expect(seen).toHaveLength(1);
  });
});
