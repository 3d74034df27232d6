import { describe, expect, it } from 'vitest';
import { FrameType, Typeu } from '../../../../shared/protocol';
import { waitFor } from '../../../helpers/serverProcess';
import { createHarness } from '../helpers/engineHarness';

const CONV = 'd:u-alice:u-bob';

async function withConversation(options: Parameters<typeof createHarness>[0] = {}) {
  const h = createHarness(options);
  await h.login();
  await h.waitForSynced();
  await h.call('conversations:open', { username: 'bob' });
  return h;
}

describe('messages:list', () => {
  it('pages back by sequence, oldest first, and refuses an unknown conversation', async () => {
    const h = await withConversation();
    for (let i = 1; i <= 5; i++) h.server.incoming('u-bob', `n${i}`);
    await h.waitForMessage((m) => m.body.text === 'n5');
    await waitFor(async () => (await h.call('messages:list', { conversationId: CONV })).length === 5, {
      what: 'five',
    });
    const newest = await h.call('messages:list', { conversationId: CONV, limit: 2 });
    expect(newest.map((m) => m.seq)).toEqual([4, 5]);
    expect(
      (await h.call('messages:list', { conversationId: CONV, beforeSeq: 4, limit: 2 })).map((m) => m.seq),
    ).toEqual([2, 3]);
    expect(await h.raw('messages:list', { conversationId: 'd:u-alice:u-zed' })).toMatchObject({
      ok: false,
      error: { code: 'conversation-not-found' },
    });
  });
});

describe('messages:send', () => {
  it('writes the message before sending, with mentions and a reply reference, and refuses what cannot go', async () => {
    const h = await withConversation();
    const sent = await h.call('messages:send', {
      conversationId: CONV,
      text: 'hi @bob',
      mentions: ['u-bob'],
      replyToSeq: 3,
    });
    expect(sent).toMatchObject({
      status: 'sending',
      outgoing: true,
      recalled: null,
      body: { text: 'hi @bob', mentions: ['u-bob'], replyTo: { seq: 3 } },
    });
    const frame = h.server.dataFrames().find((f) => f.fp === sent.id);
    expect(frame).toMatchObject({ typeu: Typeu.message, QoS: true });
    expect(JSON.parse(frame?.dataContent ?? '{}')).toEqual({
      kind: 'text',
      body: { text: 'hi @bob', mentions: ['u-bob'], replyTo: { seq: 3 } },
    });
    expect(await h.raw('messages:send', { conversationId: 'd:u-alice:u-zed', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'conversation-not-found' },
    });
    expect(await h.raw('messages:send', { conversationId: CONV, text: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    // Characters JSON escapes (twice: the body, then the envelope) fit the length limits but not the frame.
    const control = (n: number) => '\u0001'.repeat(n);
    const mentions = Array.from({ length: 100 }, () => control(64));
    expect(
      await h.raw('messages:send', { conversationId: CONV, text: control(8_000), mentions }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: 'The message is too long to send.' },
    });
  });
});

describe('messages:forward', () => {
  it('names the original by conversation and sequence, keeps a copy naming its first author, and refuses what cannot go', async () => {
    const h = await withConversation();
    h.server.incoming('u-bob', 'worth sharing');
    const original = await h.waitForMessage((m) => m.body.text === 'worth sharing');
    await waitFor(
      async () => (await h.call('messages:list', { conversationId: CONV })).some((m) => m.seq !== null),
      {
        what: 'the numbered original',
      },
    );
    const numbered = (await h.call('messages:list', { conversationId: CONV })).find(
      (m) => m.id === original.id,
    );
    const forwarded = await h.call('messages:forward', { id: original.id, conversationId: CONV });
    expect(forwarded).toMatchObject({
      kind: 'text',
      outgoing: true,
      status: 'sending',
      body: { text: 'worth sharing', forwarded: { senderId: 'u-bob', sentAt: original.sentAt } },
    });
    const frame = h.server.dataFrames().find((f) => f.fp === forwarded.id);
    expect(JSON.parse(frame?.dataContent ?? '{}')).toEqual({
      kind: 'forward',
      body: { conversationId: CONV, seq: numbered?.seq },
    });
    expect(await h.raw('messages:forward', { id: 'nope', conversationId: CONV })).toMatchObject({
      ok: false,
      error: { code: 'message-not-found' },
    });
    expect(
      await h.raw('messages:forward', { id: original.id, conversationId: 'd:u-alice:u-zed' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conversation-not-found' },
    });
  });
});

describe('messages:retry', () => {
  it('sends a failed message again with the same fp; anything else is refused', async () => {
    const h = await withConversation({
      server: { ack: false, notify: false },
      host: { tuning: { maxSendAttempts: 2 } },
    });
    const sent = await h.call('messages:send', { conversationId: CONV, text: 'try me' });
    await h.waitForMessage((m) => m.id === sent.id && m.status === 'failed');
    expect(await h.raw('messages:retry', { id: 'no-such-id' })).toMatchObject({
      ok: false,
      error: { code: 'message-not-found' },
    });
    h.server.settings.ack = true;
    expect(await h.call('messages:retry', { id: sent.id })).toMatchObject({ id: sent.id, status: 'sending' });
    await h.waitForMessage((m) => m.id === sent.id && m.status === 'sent');
    const frames = h.server.dataFrames().filter((f) => f.fp === sent.id);
    expect(frames.length).toBe(3);
    expect(new Set(frames.map((f) => f.dataContent)).size).toBe(1);
    expect(await h.raw('messages:retry', { id: sent.id })).toMatchObject({
      ok: false,
      error: { code: 'not-failed' },
    });
  });
});

describe('messages:recall', () => {
  it('recalls its own numbered message; refuses others, unknown ones, late ones and offline', async () => {
    const h = await withConversation({ server: { recallWindowMs: 60_000 } });
    const sent = await h.call('messages:send', { conversationId: CONV, text: 'take it back' });
    await h.waitForMessage((m) => m.id === sent.id && m.seq !== null);
    expect(await h.call('messages:recall', { id: sent.id })).toMatchObject({
      recalled: { by: 'u-alice' },
      body: {},
    });
    expect(h.server.commandLog.find((c) => c.name === 'message.recall')?.args).toEqual({
      conversationId: CONV,
      seq: 1,
    });
    expect(await h.call('messages:recall', { id: sent.id })).toMatchObject({ recalled: { by: 'u-alice' } });
    const theirs = h.server.incoming('u-bob', 'mine, not yours');
    await h.waitForMessage((m) => m.id === theirs.fp);
    expect(await h.raw('messages:recall', { id: theirs.fp })).toMatchObject({
      ok: false,
      error: { code: 'recall-forbidden' },
    });
    expect(await h.raw('messages:recall', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'message-not-found' },
    });
    h.server.failCommand('message.recall', 'recall-window-passed');
    const late = await h.call('messages:send', { conversationId: CONV, text: 'too late' });
    await h.waitForMessage((m) => m.id === late.id && m.seq !== null);
    expect(await h.raw('messages:recall', { id: late.id })).toMatchObject({
      ok: false,
      error: { code: 'recall-window-passed' },
    });
    h.server.settings.reachable = false;
    h.server.last().drop();
    await waitFor(async () => (await h.call('connection:get', {})).status !== 'online', { what: 'offline' });
    expect(await h.raw('messages:recall', { id: late.id })).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
  });
});

describe('messages:deleteLocal', () => {
  it('removes messages here only, announces it, and stops a pending one from being sent', async () => {
    const h = await withConversation({ server: { ack: false, notify: false } });
    const pending = await h.call('messages:send', { conversationId: CONV, text: 'never mind' });
    expect(await h.call('messages:deleteLocal', { ids: [pending.id, 'unknown'] })).toBeNull();
    expect(h.events.some((e) => e.name === 'messages:removed' && e.payload.ids.includes(pending.id))).toBe(
      true,
    );
    expect(await h.call('messages:list', { conversationId: CONV })).toEqual([]);
    const sentBefore = h.server.dataFrames().filter((f) => f.fp === pending.id).length;
    expect((await h.call('sync:get', {})).pendingSends).toBe(0);
    // The outbox row is gone: after a reconnect nothing is resent.
    h.server.last().drop();
    await h.waitForState('online');
    expect(h.server.dataFrames().filter((f) => f.type === FrameType.data && f.fp === pending.id).length).toBe(
      sentBefore,
    );
    expect(await h.raw('messages:deleteLocal', { ids: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});
