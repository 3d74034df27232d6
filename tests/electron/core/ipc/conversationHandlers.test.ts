import { describe, expect, it } from 'vitest';
import { waitFor } from '../../../helpers/serverProcess';
import { createHarness } from '../helpers/engineHarness';

const CONV = 'd:u-alice:u-bob';

async function signedIn() {
  const h = createHarness();
  await h.login();
  await h.waitForSynced();
  return h;
}

describe('conversations:list', () => {
  it('needs a sign-in, then lists pinned first and the most recently active next, without deleted ones', async () => {
    const h = createHarness();
    expect(await h.raw('conversations:list', {})).toMatchObject({
      ok: false,
      error: { code: 'not-logged-in' },
    });
    await h.login();
    await h.waitForSynced();
    const bob = h.server.incoming('u-bob', 'from bob');
    const carol = h.server.incoming('u-carol', 'from carol');
    await h.waitForMessage((m) => m.id === carol.fp);
    await h.waitForMessage((m) => m.id === bob.fp);
    expect((await h.call('conversations:list', {})).map((c) => c.id)).toEqual(['d:u-alice:u-carol', CONV]);
    await h.call('conversations:pin', { conversationId: CONV, pinned: true });
    expect((await h.call('conversations:list', {})).map((c) => c.id)).toEqual([CONV, 'd:u-alice:u-carol']);
  });
});

describe('conversations:open', () => {
  it('finds the user, creates the conversation once and emits it; an unknown user is user-not-found', async () => {
    const h = await signedIn();
    const opened = await h.call('conversations:open', { username: 'bob' });
    expect(opened).toMatchObject({
      id: CONV,
      title: 'Bob',
      unread: 0,
      draft: '',
      pinned: false,
      muted: false,
      mentioned: false,
    });
    expect(await h.call('conversations:open', { username: 'bob' })).toEqual(opened);
    expect(h.events.filter((e) => e.name === 'conversations:changed')).toHaveLength(1);
    expect(await h.raw('conversations:open', { username: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'user-not-found' },
    });
  });
});

describe('conversations:markRead', () => {
  it('clears the unread count and the mention flag, and tells the server', async () => {
    const h = await signedIn();
    const mention = h.server.incoming('u-bob', '@alice look', { mentions: ['u-alice'] });
    await h.waitForMessage((m) => m.id === mention.fp);
    await waitFor(async () => (await h.call('conversations:list', {}))[0]?.mentioned === true, {
      what: 'mention flag',
    });
    expect(await h.call('conversations:markRead', { conversationId: CONV })).toMatchObject({
      unread: 0,
      mentioned: false,
    });
    await waitFor(() => h.server.commandLog.some((c) => c.name === 'read.mark'), { what: 'read.mark' });
    expect(await h.raw('conversations:markRead', { conversationId: 'd:u-alice:u-zed' })).toMatchObject({
      ok: false,
      error: { code: 'conversation-not-found' },
    });
  });
});

describe('conversations:pin', () => {
  it('pins and unpins, emitting the change', async () => {
    const h = await signedIn();
    await h.call('conversations:open', { username: 'bob' });
    expect((await h.call('conversations:pin', { conversationId: CONV, pinned: true })).pinned).toBe(true);
    expect((await h.call('conversations:pin', { conversationId: CONV, pinned: false })).pinned).toBe(false);
    const changes = h.events.flatMap((e) =>
      e.name === 'conversations:changed' ? e.payload.conversations : [],
    );
    expect(changes.map((c) => c.pinned)).toEqual([false, true, false]);
    expect(await h.raw('conversations:pin', { conversationId: 'nope', pinned: true })).toMatchObject({
      ok: false,
      error: { code: 'conversation-not-found' },
    });
  });
});

describe('conversations:mute', () => {
  it('mutes and unmutes', async () => {
    const h = await signedIn();
    await h.call('conversations:open', { username: 'bob' });
    expect((await h.call('conversations:mute', { conversationId: CONV, muted: true })).muted).toBe(true);
    expect((await h.call('conversations:list', {}))[0]?.muted).toBe(true);
    expect((await h.call('conversations:mute', { conversationId: CONV, muted: false })).muted).toBe(false);
  });
});

describe('conversations:setDraft', () => {
  it('keeps the draft across restarts and refuses one that is too long', async () => {
    const h = await signedIn();
    await h.call('conversations:open', { username: 'bob' });
    expect(
      (await h.call('conversations:setDraft', { conversationId: CONV, draft: 'half a 想法' })).draft,
    ).toBe('half a 想法');
    await h.close();
    const again = createHarness({ dataDir: h.dataDir, shared: h });
    expect((await again.call('conversations:list', {}))[0]?.draft).toBe('half a 想法');
    expect(
      await again.raw('conversations:setDraft', { conversationId: CONV, draft: 'x'.repeat(8_001) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});

describe('conversations:deleteLocal', () => {
  it('removes the conversation here only, announces it, and sync does not bring it back', async () => {
    const h = await signedIn();
    const old = h.server.incoming('u-bob', 'old news');
    await h.waitForMessage((m) => m.id === old.fp);
    expect(await h.call('conversations:deleteLocal', { conversationId: CONV })).toBeNull();
    expect(
      h.events.some((e) => e.name === 'conversations:removed' && e.payload.conversationIds.includes(CONV)),
    ).toBe(true);
    expect(await h.call('conversations:list', {})).toEqual([]);
    await h.call('sync:now', {});
    expect(await h.call('conversations:list', {})).toEqual([]);
    const fresh = h.server.incoming('u-bob', 'new news');
    await h.waitForMessage((m) => m.id === fresh.fp);
    expect((await h.call('messages:list', { conversationId: CONV })).map((m) => m.body.text)).toEqual([
      'new news',
    ]);
    expect(await h.raw('conversations:deleteLocal', { conversationId: 'd:u-alice:u-zed' })).toMatchObject({
      ok: false,
      error: { code: 'conversation-not-found' },
    });
  });
});
