import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  decodeFrame,
  encodeFrame,
  FrameType,
  type Envelope,
  type EnvelopeInput,
} from '../../../../shared/protocol';
import { waitFor } from '../../../helpers/serverProcess';
import { startFakeStockServer, type FakeStockServer } from './fakeStockServer';

let server: FakeStockServer | null = null;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await server?.close();
  server = null;
});

async function client(url: string) {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  sockets.push(socket);
  const frames: Envelope[] = [];
  socket.on('message', (data: Buffer) => {
    const decoded = decodeFrame(data.toString('utf8'));
    if (decoded.ok) frames.push(decoded.value);
  });
  const closed = once(socket, 'close');
  await once(socket, 'open');
  const send = (frame: EnvelopeInput) => socket.send(encodeFrame(frame));
  const login = (userId: string, firstLoginTime = 0) =>
    send({
      type: FrameType.login,
      from: userId,
      to: '0',
      dataContent: JSON.stringify({ loginUserId: userId, loginToken: 't', firstLoginTime }),
    });
  return { socket, frames, send, login, closed };
}

describe('fake stock MobileIMSDK server (the test double for basic mode)', () => {
  it('logs any user in without a hello, relays C2C frames unchanged and ACKs on the receiver’s behalf', async () => {
    server = await startFakeStockServer();
    const alice = await client(server.url);
    const bob = await client(server.url);
    alice.login('alice');
    bob.login('bob');
    await waitFor(() => alice.frames.length > 0 && bob.frames.length > 0, { what: 'logins' });
    expect(alice.frames[0]).toMatchObject({ type: FrameType.loginResponse });
    const frame = {
      type: FrameType.data,
      from: 'alice',
      to: 'bob',
      fp: 'fp-1',
      QoS: true,
      typeu: -1,
      dataContent: 'hi bob',
    };
    alice.send(frame);
    await waitFor(() => bob.frames.some((f) => f.fp === 'fp-1'), { what: 'relay' });
    expect(bob.frames.find((f) => f.fp === 'fp-1')).toMatchObject(frame);
    await waitFor(() => alice.frames.some((f) => f.type === FrameType.ack), { what: 'ack' });
    expect(alice.frames.find((f) => f.type === FrameType.ack)).toMatchObject({
      from: 'bob',
      to: 'alice',
      dataContent: 'fp-1',
    });
    expect(
      [...alice.frames, ...bob.frames].filter((f) => f.type === FrameType.data && f.from === '0'),
    ).toEqual([]);
  });

  it('drops a frame for an offline user without an ACK, answers 301 before login, and closes on non-JSON', async () => {
    server = await startFakeStockServer();
    const early = await client(server.url);
    early.send({ type: FrameType.keepalive, from: 'x', to: '0', dataContent: '{}' });
    await early.closed;
    expect(early.frames[0]?.type).toBe(FrameType.error);
    expect(early.frames[0]?.dataContent).toContain('301');
    const garbage = await client(server.url);
    garbage.socket.send('not json');
    await garbage.closed;
    const alice = await client(server.url);
    alice.login('alice');
    alice.send({
      type: FrameType.data,
      from: 'alice',
      to: 'nobody',
      fp: 'lost',
      QoS: true,
      dataContent: 'x',
    });
    alice.send({ type: FrameType.keepalive, from: 'alice', to: '0', dataContent: '{}' });
    await waitFor(() => alice.frames.some((f) => f.type === FrameType.keepaliveResponse), {
      what: 'keepalive',
    });
    expect(alice.frames.some((f) => f.type === FrameType.ack)).toBe(false);
  });

  it('closes a connection silent for the expire time, and kicks the older login of a user', async () => {
    server = await startFakeStockServer({ expireMs: 200 });
    const silent = await client(server.url);
    silent.login('carol');
    await silent.closed;
    expect(server.expiredCount()).toBe(1);
    const first = await client(server.url);
    first.login('dave');
    await waitFor(() => first.frames.length > 0, { what: 'first login' });
    const second = await client(server.url);
    second.login('dave');
    await first.closed;
    expect(first.frames.at(-1)).toMatchObject({
      type: FrameType.kickout,
      dataContent: JSON.stringify({ code: 1 }),
    });
  });
});
