import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameType, Typeu, type PresenceState } from '../../../shared/protocol';
import { waitFor, type ServerProcess } from '../../helpers/serverProcess';
import type { TestClient } from '../helpers/wsClient';
import { provision, startCoreServer, type Account } from '../sync/helpers/coreServer';
import { call, connectTidings, parseNotify } from '../sync/helpers/devices';

let server: ServerProcess;

// Long enough that a reconnect on a loaded machine falls inside it.
const COALESCE_MS = 1_000;

beforeAll(async () => {
  server = await startCoreServer({ groups: { presenceCoalesceMs: COALESCE_MS } });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

function presencePushes(client: TestClient, userId: string): PresenceState[] {
  return client.received
    .filter((f) => f.type === FrameType.data && f.typeu === Typeu.notify)
    .flatMap((f) => parseNotify(f).presence ?? [])
    .filter((p) => p.userId === userId);
}

async function takePresence(client: TestClient, userId: string, online: boolean): Promise<PresenceState> {
  const frame = await client.take(
    (f) =>
      f.type === FrameType.data &&
      f.typeu === Typeu.notify &&
      (parseNotify(f).presence ?? []).some((p) => p.userId === userId && p.online === online),
    `presence of ${userId} online=${String(online)}`,
  );
  const state = parseNotify(frame).presence?.find((p) => p.userId === userId);
  if (!state) throw new Error('presence vanished');
  return state;
}

describe('presence', () => {
  it('pushes coalesced changes to friends, hides last-seen on request and shows nothing to strangers', async () => {
    const [alice, bob, carol] = (await provision(server.url, 3, 'pres')) as [Account, Account, Account];
    const a = await connectTidings(server.wsUrl, alice);
    const first = await connectTidings(server.wsUrl, bob, 'laptop');
    await call(a, 'friend.request', { userId: bob.userId, message: '' });
    await call(first, 'friend.accept', { userId: alice.userId });
    const c = await connectTidings(server.wsUrl, carol);

    expect((await call(a, 'presence.get', { userIds: [bob.userId] })).users).toEqual([
      { userId: bob.userId, online: true },
    ]);
    expect((await call(c, 'presence.get', { userIds: [bob.userId, carol.userId] })).users).toEqual([
      { userId: carol.userId, online: true },
    ]);
    await takePresence(a, bob.userId, true);

    // A reconnect inside the window pushes nothing.
    first.close();
    const second = await connectTidings(server.wsUrl, bob, 'laptop');
    await call(second, 'presence.setPrivacy', { hideLastSeen: true });
    second.close();
    const offline = await takePresence(a, bob.userId, false);
    expect(offline.lastSeen).toBeUndefined();
    expect(presencePushes(a, bob.userId).map((p) => p.online)).toEqual([true, false]);
    expect(presencePushes(c, bob.userId)).toEqual([]);

    expect((await call(a, 'presence.get', { userIds: [bob.userId] })).users).toEqual([
      { userId: bob.userId, online: false },
    ]);
    // Online and offline again inside one window: nothing changed for the friends, nothing is pushed.
    const b = await connectTidings(server.wsUrl, bob, 'phone');
    await call(b, 'presence.setPrivacy', { hideLastSeen: false });
    b.close();
    const seen = await waitFor(
      async () => {
        const [state] = (await call(a, 'presence.get', { userIds: [bob.userId] })).users;
        return state?.online === false ? state : null;
      },
      { what: 'bob offline again' },
    );
    expect(seen.lastSeen).toBeGreaterThan(0);
    a.close();
    c.close();
  });
});
