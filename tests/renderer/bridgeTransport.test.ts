import { describe, expect, it } from 'vitest';
import { createBridgeTransport, type BridgeSocket } from '../../renderer/src/bridge/bridgeTransport';

type Listener = (event: { readonly data: unknown }) => void;

/** A socket the test drives by hand: what the page sent, and frames "from the host". */
function fakeSocket() {
  const sent: unknown[] = [];
  const onMessage: Listener[] = [];
  const onClose: Array<() => void> = [];
  const socket: BridgeSocket & { readyState: number } = {
    readyState: 1,
    send: (data) => void sent.push(JSON.parse(data)),
    close: () => undefined,
    addEventListener(type: 'message' | 'close', listener: Listener) {
      if (type === 'message') onMessage.push(listener);
      else onClose.push(() => listener({ data: undefined }));
    },
  };
  return {
    socket,
    sent,
    receive: (frame: unknown) =>
      onMessage.forEach((l) => l({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) })),
    close: () => {
      socket.readyState = 3;
      onClose.forEach((l) => l());
    },
  };
}

describe('bridge transport', () => {
  it('matches replies to calls by id, whatever their order', async () => {
    const fake = fakeSocket();
    const transport = createBridgeTransport(fake.socket);
    const first = transport.invoke('auth:current', {});
    const second = transport.invoke('conversations:list', {});

    expect(fake.sent).toEqual([
      { id: 1, channel: 'auth:current', request: {} },
      { id: 2, channel: 'conversations:list', request: {} },
    ]);
    fake.receive({ id: 2, result: { ok: true, value: [] } });
    fake.receive({ id: 1, result: { ok: true, value: null } });
    await expect(first).resolves.toEqual({ ok: true, value: null });
    await expect(second).resolves.toEqual({ ok: true, value: [] });
  });

  it('delivers events to subscribers until they unsubscribe, and ignores junk frames', () => {
    const fake = fakeSocket();
    const transport = createBridgeTransport(fake.socket);
    const seen: unknown[] = [];
    const off = transport.subscribe('conversations:changed', (payload) => seen.push(payload));

    fake.receive('not json');
    fake.receive([1, 2]);
    fake.receive({ event: 'conversations:changed', payload: { conversations: [] } });
    fake.receive({ event: 'messages:changed', payload: { conversationId: 'c', messages: [] } });
    off();
    fake.receive({ event: 'conversations:changed', payload: { conversations: [] } });

    expect(seen).toEqual([{ conversations: [] }]);
  });

  it('rejects calls in flight and later calls once the socket closes', async () => {
    const fake = fakeSocket();
    const transport = createBridgeTransport(fake.socket);
    const inFlight = transport.invoke('auth:current', {});
    fake.close();

    await expect(inFlight).rejects.toThrow(/closed/);
    await expect(transport.invoke('auth:current', {})).rejects.toThrow(/closed/);
  });
});
