import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeEvent } from '../../../shared/protocol';
import { waitFor, type ServerProcess } from '../../helpers/serverProcess';
import { provision, startCoreServer, type Account } from '../sync/helpers/coreServer';
import {
  call,
  connectTidings,
  failing,
  keepalive,
  pullAll,
  sendText,
  takeAck,
  takeNotifyWith,
} from '../sync/helpers/devices';
import { takeGroupCursor } from './groupHelpers';

let server: ServerProcess;

// Groups of more than two members are "large" here; a zero recall window makes every message too old.
beforeAll(async () => {
  server = await startCoreServer({ groups: { pointerMaxMembers: 2 }, timings: { recallWindowMs: 0 } });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

async function trio(prefix: string): Promise<[Account, Account, Account]> {
  return (await provision(server.url, 3, prefix)) as [Account, Account, Account];
}

describe('large groups', () => {
  it('announce new messages by cursor: notify, hello and keepalive, for a member who missed the notify', async () => {
    const [owner, bob, carol] = await trio('big');
    const o = await connectTidings(server.wsUrl, owner);
    const b = await connectTidings(server.wsUrl, bob);
    const group = await call(o, 'group.create', { name: 'Big', memberIds: [bob.userId, carol.userId] });
    const cid = group.conversationId;
    const fp = sendText(o, cid, 'to everyone');
    await takeAck(o, fp);
    const seq = 2; // after the creation notice

    expect(await takeGroupCursor(b, cid, seq)).toBe(seq);
    // No pointer per member: bob's inbox has the membership event only.
    expect((await pullAll(b)).map((e) => e.type)).toEqual(['group']);

    // Carol was offline when the notify went out: the hello and every keepalive carry the cursor.
    const c = await connectTidings(server.wsUrl, carol);
    expect(c.hello.cursors.groups).toEqual({ [cid]: seq });
    const answer = (await keepalive(c)) as { groups?: Record<string, number> } | null;
    expect(answer?.groups).toEqual({ [cid]: seq });
    const history = await call(c, 'sync.history', { conversationId: cid, after: 0 });
    expect(history.messages.map((m) => m.fp).at(-1)).toBe(fp);

    // Leaving stops the cursor; the group disappears from hello and keepalive.
    await call(c, 'group.quit', { groupId: group.groupId });
    expect(((await keepalive(c)) as { groups?: Record<string, number> } | null)?.groups).toBeUndefined();
    for (const device of [o, b, c]) device.close();
  });

  it('recall: the sender only within the window, the owner and admins any time', async () => {
    const [owner, bob, carol] = await trio('recall');
    const o = await connectTidings(server.wsUrl, owner);
    const b = await connectTidings(server.wsUrl, bob);
    const c = await connectTidings(server.wsUrl, carol);
    const group = await call(o, 'group.create', { name: 'R', memberIds: [bob.userId, carol.userId] });
    const cid = group.conversationId;
    await takeAck(b, sendText(b, cid, 'oops'));
    await takeAck(o, sendText(o, cid, 'owner words'));
    const sentAt = (await call(b, 'sync.history', { conversationId: cid })).messages[1]?.sentAt ?? 0;
    // The window is zero: wait until the server's clock (this machine's) has moved past the send.
    await waitFor(() => Date.now() > sentAt + 5, { what: 'the clock to pass the window' });

    expect(await failing(b, 'message.recall', { conversationId: cid, seq: 2 })).toBe('recall-window-passed');
    expect(await failing(c, 'message.recall', { conversationId: cid, seq: 2 })).toBe('forbidden');
    await call(o, 'message.recall', { conversationId: cid, seq: 2 });
    const { event } = await takeNotifyWith(b, (e) => e.type === 'recall', 'recall event');
    expect(event).toMatchObject({ conversationId: cid, messageSeq: 2, by: owner.userId });

    await call(o, 'group.setAdmin', { groupId: group.groupId, userId: carol.userId, admin: true });
    await call(c, 'message.recall', { conversationId: cid, seq: 3 });
    const history = await call(b, 'sync.history', { conversationId: cid });
    const tombstones = history.messages.filter(
      (m) => m.kind === 'notice' && (m.body as { event?: string }).event === NoticeEvent.recall,
    );
    expect(tombstones.map((m) => [m.seq, (m.body as { actorId?: string }).actorId])).toEqual([
      [2, owner.userId],
      [3, carol.userId],
    ]);
    for (const device of [o, b, c]) device.close();
  });
});
