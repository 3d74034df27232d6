import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeEvent } from '../../../shared/protocol';
import type { ServerProcess } from '../../helpers/serverProcess';
import { provision, startCoreServer, type Account } from '../sync/helpers/coreServer';
import {
  call,
  connectTidings,
  failing,
  pullAll,
  sendMessage,
  sendText,
  takeAck,
  takeNotifyWith,
  takeRefusal,
} from '../sync/helpers/devices';
import { noticeEvent } from './groupHelpers';

let server: ServerProcess;

beforeAll(async () => {
  server = await startCoreServer({ groups: { maxMembers: 5 } });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

async function trio(prefix: string): Promise<[Account, Account, Account]> {
  return (await provision(server.url, 3, prefix)) as [Account, Account, Account];
}

describe('groups', () => {
  it('create, message, rename, announce and read: every member follows through the inbox', async () => {
    const [owner, bob, carol] = await trio('life');
    const o = await connectTidings(server.wsUrl, owner);
    const b = await connectTidings(server.wsUrl, bob);
    const c = await connectTidings(server.wsUrl, carol);
    const group = await call(o, 'group.create', { name: 'Friday', memberIds: [bob.userId, carol.userId] });
    expect(group).toMatchObject({ name: 'Friday', ownerId: owner.userId, memberCount: 3, dissolved: false });
    const cid = group.conversationId;
    expect(cid).toBe(`g:${group.groupId}`);
    const joined = await takeNotifyWith(b, (e) => e.type === 'group' && e.action === 'joined');
    expect(joined.event).toMatchObject({ conversationId: cid, by: owner.userId });
    await takeNotifyWith(c, noticeEvent(cid, NoticeEvent.groupCreated));

    const fp = sendText(b, cid, 'hello all');
    await takeAck(b, fp);
    for (const device of [o, c]) {
      const { event } = await takeNotifyWith(device, (e) => e.type === 'message' && e.message?.fp === fp);
      expect(event).toMatchObject({ conversationId: cid, message: { senderId: bob.userId, seq: 2 } });
    }

    await call(o, 'group.rename', { groupId: group.groupId, name: 'Weekend' });
    await takeNotifyWith(c, noticeEvent(cid, NoticeEvent.groupRenamed));
    await call(o, 'group.setNotice', { groupId: group.groupId, notice: 'Bring snacks' });
    expect(await failing(c, 'group.rename', { groupId: group.groupId, name: 'Mine' })).toBe('forbidden');
    expect((await call(c, 'group.list', {})).groups).toEqual([
      { ...group, name: 'Weekend', notice: 'Bring snacks' },
    ]);

    await call(c, 'group.setNickname', { groupId: group.groupId, nickname: 'Caz' });
    expect((await call(b, 'group.members', { groupId: group.groupId })).members).toEqual([
      { userId: owner.userId, role: 'owner', nickname: '' },
      { userId: bob.userId, role: 'member', nickname: '' },
      { userId: carol.userId, role: 'member', nickname: 'Caz' },
    ]);

    // Per-member read cursors: the sender has read its own message, the others have not.
    expect(await call(b, 'group.readCount', { groupId: group.groupId, seq: 2 })).toEqual({
      read: 0,
      unread: 2,
    });
    await call(c, 'read.mark', { conversationId: cid, seq: 2 });
    expect(await call(b, 'group.readCount', { groupId: group.groupId, seq: 2 })).toEqual({
      read: 1,
      unread: 1,
    });
    const list = await call(c, 'sync.conversations', {});
    expect(list.conversations.find((x) => x.id === cid)).toMatchObject({ readSeq: 2 });
    for (const device of [o, b, c]) device.close();
  });

  it('a kicked member cannot send, read on, invite or quit, and keeps the history up to the kick', async () => {
    const [owner, bob, carol] = await trio('kick');
    const [dave] = (await provision(server.url, 1, 'dave')) as [Account];
    const o = await connectTidings(server.wsUrl, owner);
    const b = await connectTidings(server.wsUrl, bob);
    const group = await call(o, 'group.create', { name: 'K', memberIds: [bob.userId, carol.userId] });
    const cid = group.conversationId;
    await takeAck(o, sendText(o, cid, 'before'));
    // Plain members cannot kick; admins cannot kick admins.
    expect(await failing(b, 'group.kick', { groupId: group.groupId, userId: carol.userId })).toBe(
      'forbidden',
    );
    await call(o, 'group.setAdmin', { groupId: group.groupId, userId: carol.userId, admin: true });
    const c = await connectTidings(server.wsUrl, carol);
    await call(o, 'group.setAdmin', { groupId: group.groupId, userId: bob.userId, admin: true });
    expect(await failing(c, 'group.kick', { groupId: group.groupId, userId: bob.userId })).toBe('forbidden');
    await call(o, 'group.setAdmin', { groupId: group.groupId, userId: bob.userId, admin: false });

    await call(c, 'group.kick', { groupId: group.groupId, userId: bob.userId });
    const left = await takeNotifyWith(b, (e) => e.type === 'group' && e.action === 'left');
    expect(left.event).toMatchObject({ conversationId: cid, by: carol.userId });
    const exitSeq = left.event.type === 'group' ? left.event.messageSeq : 0;
    await takeAck(o, sendText(o, cid, 'after'));

    expect((await takeRefusal(b, sendText(b, cid, 'let me back'))).code).toBe('not-a-member');
    expect(await failing(b, 'group.quit', { groupId: group.groupId })).toBe('not-a-member');
    expect(await failing(b, 'group.invite', { groupId: group.groupId, userIds: [dave.userId] })).toBe(
      'not-a-member',
    );
    expect(await failing(b, 'group.members', { groupId: group.groupId })).toBe('not-a-member');
    expect(await failing(b, 'read.mark', { conversationId: cid, seq: exitSeq })).toBe('forbidden');
    const history = await call(b, 'sync.history', { conversationId: cid });
    expect(history.messages.at(-1)?.seq).toBe(exitSeq);
    expect(
      history.messages.map((m) => (m.kind === 'text' ? (m.body as { text: string }).text : m.kind)),
    ).toEqual(['notice', 'before', 'notice', 'notice', 'notice', 'notice']);
    expect((await call(b, 'sync.history', { conversationId: cid, after: exitSeq })).messages).toEqual([]);
    expect((await call(b, 'group.list', {})).groups).toEqual([]);
    // Strangers are refused outright.
    const [eve] = (await provision(server.url, 1, 'eve')) as [Account];
    const e = await connectTidings(server.wsUrl, eve);
    expect((await takeRefusal(e, sendText(e, cid, 'hi'))).code).toBe('not-a-member');
    expect(await failing(e, 'sync.history', { conversationId: cid })).toBe('forbidden');
    for (const device of [o, b, c, e]) device.close();
  });

  it('quit, transfer, the member limit and a dissolved group that stays readable', async () => {
    const [owner, bob, carol] = await trio('dis');
    const extra = (await provision(server.url, 3, 'many')).map((a) => a.userId);
    const o = await connectTidings(server.wsUrl, owner);
    const b = await connectTidings(server.wsUrl, bob);
    const group = await call(o, 'group.create', { name: 'D', memberIds: [bob.userId] });
    const cid = group.conversationId;
    expect(await failing(o, 'group.quit', { groupId: group.groupId })).toBe('forbidden');
    expect(
      await failing(b, 'group.invite', { groupId: group.groupId, userIds: [...extra, carol.userId] }),
    ).toBe('group-full');
    await call(b, 'group.invite', { groupId: group.groupId, userIds: [carol.userId] });
    const c = await connectTidings(server.wsUrl, carol);
    await call(c, 'group.quit', { groupId: group.groupId });
    expect(await failing(c, 'group.quit', { groupId: group.groupId })).toBe('not-a-member');

    await call(o, 'group.transfer', { groupId: group.groupId, userId: bob.userId });
    expect(await failing(o, 'group.dissolve', { groupId: group.groupId })).toBe('forbidden');
    await call(b, 'group.dissolve', { groupId: group.groupId });
    await takeNotifyWith(o, noticeEvent(cid, NoticeEvent.groupDissolved));
    expect((await takeRefusal(o, sendText(o, cid, 'anyone?'))).code).toBe('read-only');
    expect(await failing(b, 'group.invite', { groupId: group.groupId, userIds: [carol.userId] })).toBe(
      'read-only',
    );
    expect(await failing(o, 'group.quit', { groupId: group.groupId })).toBe('read-only');
    const history = await call(o, 'sync.history', { conversationId: cid });
    expect(history.messages.at(-1)?.kind).toBe('notice');
    expect((await call(o, 'group.list', {})).groups[0]).toMatchObject({
      dissolved: true,
      ownerId: bob.userId,
    });
    for (const device of [o, b, c]) device.close();
  });

  it('flags @mentions for the mentioned member only', async () => {
    const [owner, bob, carol] = await trio('at');
    const o = await connectTidings(server.wsUrl, owner);
    const b = await connectTidings(server.wsUrl, bob);
    const c = await connectTidings(server.wsUrl, carol);
    const group = await call(o, 'group.create', { name: 'M', memberIds: [bob.userId, carol.userId] });
    const fp = sendMessage(o, group.conversationId, {
      kind: 'text',
      body: { text: '@bob look', mentions: [bob.userId] },
    });
    await takeAck(o, fp);
    const { event } = await takeNotifyWith(b, (e) => e.type === 'mention');
    expect(event).toMatchObject({ conversationId: group.conversationId, by: owner.userId });
    await takeNotifyWith(c, (e) => e.type === 'message' && e.message?.fp === fp);
    expect((await pullAll(c)).some((e) => e.type === 'mention')).toBe(false);
    for (const device of [o, b, c]) device.close();
  });
});
