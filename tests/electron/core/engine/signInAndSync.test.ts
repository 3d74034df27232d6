import { describe, expect, it } from 'vitest';
import { FrameType, Typeu } from '../../../../shared/protocol';
import { waitFor } from '../../../helpers/serverProcess';
import { createHarness, ME, SERVER } from '../helpers/engineHarness';

const CONV = 'd:u-alice:u-bob';

describe('engine: sign-in, hello and notify-pull sync (fake Tidings server)', () => {
  it('signs in, says online after the hello, and turns a sent message sent, then numbered', async () => {
    const h = createHarness();
    expect(await h.login()).toEqual({
      userId: ME,
      username: 'alice',
      displayName: 'Alice',
      serverUrl: SERVER,
      mode: 'tidings',
    });
    await h.waitForState('online');
    expect(h.states().map((s) => s.status)).toContain('connecting');
    const login = h.server
      .last()
      .frames()
      .find((f) => f.type === FrameType.login);
    const payload = JSON.parse(login?.dataContent ?? '{}') as {
      loginToken: string;
      extra: string;
      firstLoginTime: number;
    };
    expect(payload.loginToken).toBe(h.http.state.token);
    expect(JSON.parse(payload.extra)).toMatchObject({ capabilities: ['tidings/1'] });
    expect(payload.firstLoginTime).toBe(0);

    const conversation = await h.call('conversations:open', { username: 'bob' });
    const sent = await h.call('messages:send', {
      conversationId: conversation.id,
      text: 'hello bob',
      replyToSeq: 1,
    });
    expect(sent).toMatchObject({
      status: 'sending',
      seq: null,
      body: { text: 'hello bob', replyTo: { seq: 1 } },
    });
    const frame = h.server.dataFrames().find((f) => f.fp === sent.id);
    expect(frame).toMatchObject({ typeu: Typeu.message, QoS: true, to: 'u-bob' });
    await h.waitForMessage(
      (m) => m.id === sent.id && m.status === 'sent' && m.seq === 1,
      'sent and numbered',
    );
    expect(await h.call('messages:list', { conversationId: CONV })).toMatchObject([
      { id: sent.id, seq: 1, status: 'sent' },
    ]);
  });

  it('pulls a message announced by a notify and counts it unread, once', async () => {
    const h = createHarness();
    await h.login();
    await h.waitForSynced();
    const message = h.server.incoming('u-bob', 'hi alice');
    await h.waitForMessage((m) => m.id === message.fp && m.status === 'received');
    expect(h.server.commandLog.map((c) => c.name)).toContain('sync.inbox');
    await waitFor(async () => (await h.call('conversations:list', {}))[0]?.unread === 1, { what: 'unread' });
    const conversations = await h.call('conversations:list', {});
    expect(conversations).toMatchObject([{ id: CONV, unread: 1, lastMessage: { preview: 'hi alice' } }]);
    // The peer's profile is fetched over HTTP for the title.
    await waitFor(async () => (await h.call('conversations:list', {}))[0]?.title === 'Bob', {
      what: 'profile',
    });
    expect(h.messageEvents().filter((m) => m.id === message.fp)).toHaveLength(1);
  });

  it('applies inline notify events without a pull when they follow its cursor', async () => {
    const h = createHarness({ server: { inline: true } });
    await h.login();
    await h.waitForSynced();
    const before = h.server.commandLog.length;
    const message = h.server.incoming('u-bob', 'inline');
    await h.waitForMessage((m) => m.id === message.fp);
    expect(h.server.commandLog.slice(before).filter((c) => c.name === 'sync.inbox')).toEqual([]);
  });

  it('notices a lost notify through the cursors in a keepalive answer', async () => {
    const h = createHarness({
      server: { notify: false },
      host: { tuning: { keepaliveIntervalMs: 30, keepaliveTimeoutMs: 1_000 } },
    });
    await h.login();
    await h.waitForState('online');
    const message = h.server.incoming('u-bob', 'no notify for this one');
    await h.waitForMessage((m) => m.id === message.fp, 'message found through keepalive cursors');
  });

  it('marks read, tells the server once, and applies read state from another device', async () => {
    const h = createHarness();
    await h.login();
    await h.waitForState('online');
    h.server.incoming('u-bob', 'one');
    const two = h.server.incoming('u-bob', 'two');
    await h.waitForMessage((m) => m.id === two.fp);
    expect((await h.call('conversations:markRead', { conversationId: CONV })).unread).toBe(0);
    await waitFor(() => h.server.commandLog.some((c) => c.name === 'read.mark'), { what: 'read.mark' });
    expect(h.server.commandLog.filter((c) => c.name === 'read.mark').at(-1)?.args).toEqual({
      conversationId: CONV,
      seq: 2,
    });
    const three = h.server.incoming('u-bob', 'three');
    await h.waitForMessage((m) => m.id === three.fp);
    h.server.readElsewhere(CONV, 3);
    await waitFor(async () => (await h.call('conversations:list', {}))[0]?.unread === 0, {
      what: 'read elsewhere',
    });
  });

  it('turns its messages read when the peer’s receipt arrives', async () => {
    const h = createHarness();
    await h.login();
    await h.waitForState('online');
    await h.call('conversations:open', { username: 'bob' });
    const sent = await h.call('messages:send', { conversationId: CONV, text: 'read me' });
    await h.waitForMessage((m) => m.id === sent.id && m.seq === 1);
    h.server.receipt(CONV, 1, 'u-bob');
    await h.waitForMessage((m) => m.id === sent.id && m.status === 'read');
    const statuses = h
      .messageEvents()
      .filter((m) => m.id === sent.id)
      .map((m) => m.status);
    expect(statuses.indexOf('read')).toBeGreaterThan(statuses.lastIndexOf('sending'));
  });

  it('recalls a message through the server and shows the tombstone; a peer’s recall too', async () => {
    const h = createHarness();
    await h.login();
    await h.waitForState('online');
    await h.call('conversations:open', { username: 'bob' });
    const sent = await h.call('messages:send', { conversationId: CONV, text: 'oops' });
    await h.waitForMessage((m) => m.id === sent.id && m.seq !== null);
    const recalled = await h.call('messages:recall', { id: sent.id });
    expect(recalled).toMatchObject({ id: sent.id, body: {}, recalled: { by: ME } });
    const theirs = h.server.incoming('u-bob', 'regret');
    await h.waitForMessage((m) => m.id === theirs.fp);
    h.server.recall(CONV, theirs.seq, 'u-bob');
    await h.waitForMessage((m) => m.id === theirs.fp && m.recalled !== null);
    expect(await h.raw('messages:recall', { id: theirs.fp })).toMatchObject({
      ok: false,
      error: { code: 'recall-forbidden' },
    });
  });

  it('catches up from scratch on a new device: newest pages first, then backfills everything', async () => {
    const h = createHarness({ host: { tuning: { syncPageSize: 20 } } });
    h.server.history('u-bob', 95);
    h.server.history('u-carol', 7);
    await h.login();
    await h.waitForState('online');
    await waitFor(
      async () =>
        (await h.call('sync:get', {})).backfillRemaining === 0 &&
        h.server.commandLog.some((c) => c.name === 'sync.history' && 'before' in (c.args as object)),
      { what: 'backfill done', timeoutMs: 20_000 },
    );
    const all = await h.call('messages:list', { conversationId: CONV, limit: 500 });
    expect(all.map((m) => m.seq)).toEqual(Array.from({ length: 95 }, (_, i) => i + 1));
    expect((await h.call('messages:list', { conversationId: 'd:u-alice:u-carol', limit: 500 })).length).toBe(
      7,
    );
    const progress = h.events.flatMap((e) => (e.name === 'sync:progress' ? [e.payload.phase] : []));
    expect(progress).toEqual(expect.arrayContaining(['resync', 'history', 'backfill', 'idle']));
  });

  it('resyncs fully when its inbox cursor fell behind the server’s retention, keeping local-only data', async () => {
    const h = createHarness();
    await h.login();
    await h.waitForState('online');
    const first = h.server.incoming('u-bob', 'first');
    await h.waitForMessage((m) => m.id === first.fp);
    await h.call('conversations:setDraft', { conversationId: CONV, draft: 'unsent words' });
    h.server.settings.notify = false;
    const missed = [h.server.incoming('u-bob', 'missed 1'), h.server.incoming('u-bob', 'missed 2')];
    h.server.pruneInbox(h.server.inbox.at(-1)?.seq ?? 0);
    h.server.settings.notify = true;
    h.server.incoming('u-bob', 'after the prune');
    await h.waitForMessage((m) => m.body.text === 'after the prune');
    for (const m of missed) await h.waitForMessage((e) => e.id === m.fp);
    expect(h.logger.count('sync.cursor-reset')).toBe(1);
    expect((await h.call('conversations:list', {}))[0]?.draft).toBe('unsent words');
  });
});
