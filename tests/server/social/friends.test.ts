import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxEvent } from '../../../shared/protocol';
import type { ServerProcess } from '../../helpers/serverProcess';
import { pair, provision, startCoreServer, type Account } from '../sync/helpers/coreServer';
import {
  call,
  connectTidings,
  failing,
  pullAll,
  sendText,
  takeAck,
  takeNotifyWith,
  takeRefusal,
} from '../sync/helpers/devices';

let server: ServerProcess;

beforeAll(async () => {
  server = await startCoreServer();
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

const friendEvent =
  (action: string, peerId: string) =>
  (event: InboxEvent): boolean =>
    event.type === 'friend' && event.action === action && event.peerId === peerId;

describe('friends', () => {
  it('request, accept and delete reach every device of both users', async () => {
    const [alice, bob] = await pair(server.url);
    const a = await connectTidings(server.wsUrl, alice);
    const laptop = await connectTidings(server.wsUrl, bob, 'laptop');
    const phone = await connectTidings(server.wsUrl, bob, 'phone');

    expect(await call(a, 'friend.request', { userId: bob.userId, message: 'hi, it is Alice' })).toEqual({
      relation: 'outgoing',
    });
    for (const device of [laptop, phone]) {
      const { event } = await takeNotifyWith(device, friendEvent('request-received', alice.userId));
      expect(event).toMatchObject({ message: 'hi, it is Alice' });
    }
    // Idempotent: asking again changes nothing and writes no event.
    expect(await call(a, 'friend.request', { userId: bob.userId, message: 'again' })).toEqual({
      relation: 'outgoing',
    });
    const bobList = await call(phone, 'friend.list', {});
    expect(bobList.incoming).toEqual([
      { userId: alice.userId, message: 'hi, it is Alice', at: expect.any(Number) as number },
    ]);
    expect((await call(a, 'friend.list', {})).outgoing.map((r) => r.userId)).toEqual([bob.userId]);

    expect(await call(laptop, 'friend.accept', { userId: alice.userId })).toEqual({ relation: 'friend' });
    await takeNotifyWith(a, friendEvent('added', bob.userId), 'added on the requester');
    await takeNotifyWith(phone, friendEvent('added', alice.userId), 'added on the other device');
    expect((await call(a, 'friend.list', {})).friends.map((f) => f.userId)).toEqual([bob.userId]);
    expect((await call(phone, 'friend.list', {})).incoming).toEqual([]);

    await call(phone, 'friend.delete', { userId: alice.userId });
    await takeNotifyWith(a, friendEvent('deleted', bob.userId), 'deleted on the peer');
    await takeNotifyWith(laptop, friendEvent('deleted', alice.userId), 'deleted on the other device');
    expect(await call(a, 'friend.list', {})).toEqual({
      friends: [],
      incoming: [],
      outgoing: [],
      blocked: [],
    });

    // A device that was offline converges from its inbox.
    const pulled = (await pullAll(phone)).filter((e) => e.type === 'friend');
    expect(pulled.map((e) => e.type === 'friend' && e.action)).toEqual([
      'request-received',
      'added',
      'deleted',
    ]);
    for (const device of [a, laptop, phone]) device.close();
  });

  it('crossing requests make friends; reject clears both sides', async () => {
    const [alice, bob, carol] = (await provision(server.url, 3, 'cross')) as [Account, Account, Account];
    const a = await connectTidings(server.wsUrl, alice);
    const b = await connectTidings(server.wsUrl, bob);
    const c = await connectTidings(server.wsUrl, carol);
    await call(a, 'friend.request', { userId: bob.userId, message: '' });
    expect(await call(b, 'friend.request', { userId: alice.userId, message: '' })).toEqual({
      relation: 'friend',
    });
    await takeNotifyWith(a, friendEvent('added', bob.userId));

    await call(c, 'friend.request', { userId: alice.userId, message: 'me too' });
    await call(a, 'friend.reject', { userId: carol.userId });
    await takeNotifyWith(c, friendEvent('rejected', alice.userId), 'rejection on the requester');
    expect((await call(c, 'friend.list', {})).outgoing).toEqual([]);
    expect(await failing(a, 'friend.accept', { userId: carol.userId })).toBe('not-found');
    for (const device of [a, b, c]) device.close();
  });

  it('refuses requests to unknown users and to oneself', async () => {
    const [alice] = (await provision(server.url, 1, 'lonely')) as [Account];
    const a = await connectTidings(server.wsUrl, alice);
    expect(await failing(a, 'friend.request', { userId: '999999999', message: '' })).toBe('user-not-found');
    expect(await failing(a, 'friend.request', { userId: alice.userId, message: '' })).toBe('invalid-request');
    expect(await failing(a, 'friend.request', { userId: '', message: '' })).toBe('invalid-request');
    a.close();
  });

  it('block ends the friendship and refuses the blocked user’s requests and messages until unblocked', async () => {
    const [alice, bob] = await pair(server.url);
    const a = await connectTidings(server.wsUrl, alice);
    const b = await connectTidings(server.wsUrl, bob);
    await call(a, 'friend.request', { userId: bob.userId, message: '' });
    await call(b, 'friend.accept', { userId: alice.userId });
    await takeAck(b, sendText(b, alice.userId, 'before the block'));

    await call(a, 'friend.block', { userId: bob.userId });
    await takeNotifyWith(b, friendEvent('deleted', alice.userId), 'the blocked user sees the friendship end');
    await takeNotifyWith(a, friendEvent('blocked', bob.userId));
    expect(await call(a, 'friend.list', {})).toEqual({
      friends: [],
      incoming: [],
      outgoing: [],
      blocked: [bob.userId],
    });

    const refusal = await takeRefusal(b, sendText(b, alice.userId, 'after the block'));
    expect(refusal.code).toBe('blocked');
    expect(await failing(b, 'friend.request', { userId: alice.userId, message: 'please' })).toBe('blocked');
    // The blocker is told to unblock first rather than silently asking someone they block.
    expect(await failing(a, 'friend.request', { userId: bob.userId, message: '' })).toBe('blocked');
    // The blocked user learns nothing about the block itself.
    expect((await pullAll(b)).some((e) => e.type === 'friend' && e.action === 'blocked')).toBe(false);

    await call(a, 'friend.unblock', { userId: bob.userId });
    await takeNotifyWith(a, friendEvent('unblocked', bob.userId));
    await takeAck(b, sendText(b, alice.userId, 'after the unblock'));
    expect(await call(b, 'friend.request', { userId: alice.userId, message: '' })).toEqual({
      relation: 'outgoing',
    });
    a.close();
    b.close();
  });

  it('one-to-one messages do not need friendship', async () => {
    const [alice, bob] = await pair(server.url);
    const a = await connectTidings(server.wsUrl, alice);
    await takeAck(a, sendText(a, bob.userId, 'hello stranger'));
    a.close();
  });
});
