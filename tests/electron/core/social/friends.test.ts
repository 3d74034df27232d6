import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { startTestServer } from '../integration/realServer';
import {
  lastRequests,
  waitForContactEvent,
  waitForContacts,
  waitForRemoved,
  waitForRequests,
  waitOnline,
} from './friendsHelpers';

const newDir = useTempDirs('tidings-friends-');
let server: ServerProcess;
let laptop: EngineClient;
/** Alice's second device. */
let phone: EngineClient;
let phoneDir: string;
let bob: EngineClient;
let carol: EngineClient;

type ContactRow = {
  user_id: string;
  username: string;
  relation: string;
  blocked: number;
  removed_at: number | null;
};

const contactRows = (client: EngineClient): ContactRow[] =>
  client.query<ContactRow>(
    'SELECT user_id, username, relation, blocked, removed_at FROM contacts ORDER BY user_id',
  );

beforeAll(async () => {
  server = await startTestServer();
  laptop = createEngineClient(newDir());
  bob = createEngineClient(newDir());
  carol = createEngineClient(newDir());
  await laptop.register(server.url, 'alice', 'Alice');
  await bob.register(server.url, 'bob', 'Bob');
  await carol.register(server.url, 'carol', '卡罗尔');
  phoneDir = newDir();
  phone = createEngineClient(phoneDir);
  await phone.login(server.url, 'alice');
  for (const client of [laptop, phone, bob, carol]) await waitOnline(client);
});

afterAll(async () => {
  for (const client of [laptop, phone, bob, carol]) await client?.close();
  await server?.stop();
});

describe('friend requests across two devices of the same user', () => {
  it('shows bob’s request with its words on both of alice’s devices, and as outgoing on bob’s', async () => {
    const outcome = await bob.call('friends:request', { username: 'alice', message: 'hi, it’s bob 👋' });
    expect(outcome).toEqual({ userId: laptop.account.userId, relation: 'outgoing' });
    expect(await bob.call('friends:requests', {})).toMatchObject([
      { userId: laptop.account.userId, username: 'alice', displayName: 'Alice', direction: 'outgoing' },
    ]);

    for (const device of [laptop, phone]) {
      const [request] = await waitForRequests(
        device,
        (list) => list.length === 1 && list[0]?.username === 'bob',
        'bob’s request with his profile',
      );
      expect(request).toMatchObject({
        userId: bob.account.userId,
        displayName: 'Bob',
        direction: 'incoming',
        message: 'hi, it’s bob 👋',
      });
      await waitFor(() => lastRequests(device)?.some((r) => r.username === 'bob'), {
        what: 'friends:requestsChanged with the profile',
      });
    }
    // A request alone makes nobody a contact.
    expect(await laptop.call('contacts:list', {})).toEqual([]);
  });

  it('accepting on the laptop makes them friends everywhere; the phone, offline meanwhile, converges on reconnect', async () => {
    await phone.close();
    const contact = await laptop.call('friends:accept', { userId: bob.account.userId });
    expect(contact).toMatchObject({
      userId: bob.account.userId,
      username: 'bob',
      displayName: 'Bob',
      relation: 'friend',
      blocked: false,
      remark: '',
    });
    expect(contact.friendsSince).toEqual(expect.any(Number));
    expect(await laptop.call('friends:requests', {})).toEqual([]);

    await waitForContactEvent(
      bob,
      (c) => c.userId === laptop.account.userId && c.relation === 'friend',
      'bob sees alice',
    );
    expect(await bob.call('contacts:list', {})).toMatchObject([{ username: 'alice', relation: 'friend' }]);
    await waitForRequests(bob, (list) => list.length === 0, 'bob’s outgoing request gone');

    phone = createEngineClient(phoneDir);
    await phone.restored();
    const [onPhone] = await waitForContacts(phone, (list) => list.length === 1, 'the phone converges');
    expect(onPhone).toMatchObject({ userId: bob.account.userId, username: 'bob', relation: 'friend' });
    await waitForRequests(phone, (list) => list.length === 0, 'the phone’s request gone');

    for (const device of [laptop, phone])
      expect(contactRows(device)).toEqual([
        { user_id: bob.account.userId, username: 'bob', relation: 'friend', blocked: 0, removed_at: null },
      ]);
    expect(phone.query('SELECT * FROM friend_requests')).toEqual([]);
  });

  it('asking again is idempotent, and two crossing requests make friends at once', async () => {
    expect(await bob.call('friends:request', { username: 'alice', message: '' })).toEqual({
      userId: laptop.account.userId,
      relation: 'friend',
    });
    expect(await bob.call('friends:requests', {})).toEqual([]);
    expect(await laptop.call('contacts:list', {})).toHaveLength(1);

    await carol.call('friends:request', { username: 'bob', message: 'carol here' });
    await waitForRequests(bob, (list) => list.some((r) => r.username === 'carol'), 'carol’s request');
    expect(await bob.call('friends:request', { username: 'carol', message: 'me too' })).toEqual({
      userId: carol.account.userId,
      relation: 'friend',
    });
    await waitForContacts(
      carol,
      (list) => list.some((c) => c.username === 'bob' && c.relation === 'friend'),
      'carol sees bob',
    );
    await waitForRequests(bob, (list) => list.length === 0, 'no pending request left on bob’s side');
  });
});

describe('reject, delete, remark and search', () => {
  it('a rejected request disappears on both sides', async () => {
    await carol.call('friends:request', { username: 'alice', message: 'hello from carol' });
    await waitForRequests(
      laptop,
      (list) => list.some((r) => r.username === 'carol'),
      'carol’s request on the laptop',
    );
    expect(await laptop.call('friends:reject', { userId: carol.account.userId })).toBeNull();
    expect(await laptop.call('friends:requests', {})).toEqual([]);
    await waitForRequests(
      carol,
      (list) => !list.some((r) => r.username === 'alice'),
      'carol’s outgoing request gone',
    );
    await waitForRequests(phone, (list) => list.length === 0, 'the phone forgets it too');
    expect(await laptop.call('contacts:list', {})).toHaveLength(1);
    const rejectedAgain = await laptop.host.dispatch('friends:accept', { userId: carol.account.userId });
    expect(rejectedAgain).toMatchObject({ ok: false, error: { code: 'friend-request-not-found' } });
  });

  it('a remark is local, listed and searchable (Chinese, username, any case)', async () => {
    const remarked = await laptop.call('contacts:setRemark', { userId: bob.account.userId, remark: '老鲍' });
    expect(remarked).toMatchObject({ remark: '老鲍', displayName: 'Bob' });
    expect((await laptop.call('contacts:search', { query: '鲍' })).map((c) => c.userId)).toEqual([
      bob.account.userId,
    ]);
    expect(await laptop.call('contacts:search', { query: 'BO' })).toHaveLength(1);
    expect(await laptop.call('contacts:search', { query: 'zed' })).toEqual([]);
    expect(
      await laptop.host.dispatch('contacts:setRemark', { userId: carol.account.userId, remark: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'user-not-found' },
    });
    // Not synced: the phone keeps its own names.
    expect((await phone.call('contacts:list', {}))[0]?.remark).toBe('');
  });

  it('deleting a friend updates both sides’ lists live and leaves a tombstone with the remark', async () => {
    expect(await bob.call('contacts:delete', { userId: laptop.account.userId })).toBeNull();
    expect((await bob.call('contacts:list', {})).map((c) => c.username)).toEqual(['carol']);
    await waitForRemoved(laptop, bob.account.userId, 'the laptop drops bob');
    await waitForRemoved(phone, bob.account.userId, 'the phone drops bob');
    expect(await laptop.call('contacts:list', {})).toEqual([]);
    const [row] = laptop.query<ContactRow & { remark: string }>(
      'SELECT user_id, relation, blocked, removed_at, remark FROM contacts WHERE user_id = ?',
      bob.account.userId,
    );
    expect(row).toMatchObject({ relation: 'none', blocked: 0, remark: '老鲍' });
    expect(row?.removed_at).toEqual(expect.any(Number));
  });
});

describe('a device signed in later', () => {
  it('gets friends, requests and blocks from friend.list, since its sync starts after those events', async () => {
    await bob.call('friends:request', { username: 'alice', message: 'once more' });
    await laptop.call('contacts:block', { userId: carol.account.userId });
    const tablet = createEngineClient(newDir());
    try {
      await tablet.login(server.url, 'alice');
      await waitOnline(tablet);
      const contacts = await waitForContacts(tablet, (list) => list.length === 1, 'the blocked user');
      expect(contacts).toMatchObject([{ userId: carol.account.userId, username: 'carol', blocked: true }]);
      const requests = await waitForRequests(tablet, (list) => list.length === 1, 'bob’s new request');
      expect(requests).toMatchObject([
        { userId: bob.account.userId, username: 'bob', direction: 'incoming', message: 'once more' },
      ]);
      // Its inbox cursor starts at the snapshot: none of the older friend events were pulled.
      const [cursor] = tablet.query<{ value: number }>("SELECT value FROM sync_cursors WHERE name = 'inbox'");
      expect(cursor?.value).toBeGreaterThan(0);
    } finally {
      await tablet.close();
    }
  });
});
