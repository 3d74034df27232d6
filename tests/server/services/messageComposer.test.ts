import { describe, expect, it } from 'vitest';
import { composeMessage } from '../../../server/services/messageComposer';
import { coreDb } from '../storage/coreDb';

function setup() {
  const core = coreDb();
  const { conversations, messages, alice, bob, direct } = core;
  conversations.ensure(direct, 'direct', [alice, bob], 1);
  const say = (senderId: string, kind: string, body: unknown) =>
    messages.append({
      conversationId: direct,
      senderId,
      fp: `f${Math.random()}`,
      sentAt: 7,
      kind,
      bodyJson: JSON.stringify(body),
    });
  const deps = { messages, conversations, users: core.users };
  return { ...core, say, deps };
}

describe('message composer', () => {
  it('fills a reply’s quoted sender and preview from the stored message, ignoring the client’s', () => {
    const { say, deps, alice, bob, direct } = setup();
    say(bob, 'text', { text: 'Lunch\nat noon? '.padEnd(120, '!') });
    const composed = composeMessage(
      {
        kind: 'text',
        body: { text: 'yes', mentions: [bob, bob], replyTo: { seq: 1, senderId: alice, preview: 'forged' } },
      },
      { senderId: alice, conversationId: direct },
      deps,
    );
    expect(composed).toEqual({
      ok: true,
      kind: 'text',
      body: {
        text: 'yes',
        mentions: [bob],
        replyTo: { seq: 1, senderId: bob, preview: 'Lunch at noon? '.padEnd(80, '!') },
      },
    });
    expect(
      composeMessage(
        { kind: 'text', body: { text: 'x', replyTo: { seq: 9 } } },
        { senderId: alice, conversationId: direct },
        deps,
      ),
    ).toMatchObject({ ok: false, code: 'invalid-request' });
  });

  it('fills a card from the user record', () => {
    const { deps, alice, bob, direct, user } = setup();
    const carol = user('carol');
    expect(
      composeMessage(
        { kind: 'card', body: { userId: carol, displayName: 'forged' } },
        { senderId: alice, conversationId: direct },
        deps,
      ),
    ).toEqual({ ok: true, kind: 'card', body: { userId: carol, username: 'carol', displayName: 'carol' } });
    expect(
      composeMessage(
        { kind: 'card', body: { userId: "1' OR '1'='1" } },
        { senderId: bob, conversationId: direct },
        deps,
      ),
    ).toMatchObject({ ok: false, code: 'user-not-found' });
  });

  it('forwards a copy of a visible message with its origin, and nothing the sender cannot see', () => {
    const { say, deps, alice, bob, direct, user, conversations, messages } = setup();
    say(bob, 'text', {
      text: 'original',
      mentions: [alice],
      replyTo: { seq: 1, senderId: bob, preview: 'p' },
    });
    const carol = user('carol');
    const toCarol = `d:${alice}:${carol}`;
    const forward = { kind: 'forward' as const, body: { conversationId: direct, seq: 1 } };
    const composed = composeMessage(forward, { senderId: alice, conversationId: toCarol }, deps);
    expect(composed).toEqual({
      ok: true,
      kind: 'text',
      body: { text: 'original', forwarded: { senderId: bob, sentAt: 7 } },
    });

    // A forward of that forward still names Bob.
    conversations.ensure(toCarol, 'direct', [alice, carol], 1);
    messages.append({
      conversationId: toCarol,
      senderId: alice,
      fp: 'fw',
      sentAt: 9,
      kind: 'text',
      bodyJson: JSON.stringify(composed.ok && composed.body),
    });
    expect(
      composeMessage(
        { kind: 'forward', body: { conversationId: toCarol, seq: 1 } },
        { senderId: carol, conversationId: toCarol },
        deps,
      ),
    ).toMatchObject({ ok: true, body: { forwarded: { senderId: bob, sentAt: 7 } } });

    expect(composeMessage(forward, { senderId: carol, conversationId: toCarol }, deps)).toMatchObject({
      ok: false,
    });
    expect(
      composeMessage(
        { kind: 'forward', body: { conversationId: direct, seq: 5 } },
        { senderId: alice, conversationId: toCarol },
        deps,
      ),
    ).toMatchObject({ ok: false });
    say(bob, 'notice', { event: 'joined' });
    expect(
      composeMessage(
        { kind: 'forward', body: { conversationId: direct, seq: 2 } },
        { senderId: alice, conversationId: toCarol },
        deps,
      ),
    ).toMatchObject({ ok: false, message: 'A system notice cannot be forwarded.' });
  });

  it('refuses a body too large to come back in one frame', () => {
    const { deps, alice, bob, direct } = setup();
    // Escapes grow twice when the body travels inside a frame: a control character takes 7 bytes, a quote 4.
    const text = '\u0001'.repeat(8_000);
    const mentions = Array.from({ length: 100 }, (_, i) => String(i).padEnd(64, '"'));
    expect(
      composeMessage(
        { kind: 'text', body: { text, mentions } },
        { senderId: alice, conversationId: direct },
        deps,
      ),
    ).toEqual({
      ok: false,
      code: 'invalid-request',
      message: 'The message is too large.',
    });
    expect(
      composeMessage(
        { kind: 'text', body: { text: 'é'.repeat(8_000) } },
        { senderId: bob, conversationId: direct },
        deps,
      ).ok,
    ).toBe(true);
  });
});
