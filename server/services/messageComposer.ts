import { NoticeEvent, type OutgoingMessage } from '../../shared/protocol';
import type { ConversationRepository } from '../storage/conversationRepository';
import type { MessageRepository } from '../storage/messageRepository';
import type { StoredMessage } from '../storage/messageRows';
import type { UserRepository } from '../storage/userRepository';
import { dataContentBytes, MAX_BODY_BYTES } from './frameBudget';

/** The stored form of an outgoing message, or why it cannot be stored. */
export type Composed =
  | Readonly<{ ok: true; kind: string; body: Readonly<Record<string, unknown>> }>
  | Readonly<{ ok: false; code: 'invalid-request' | 'user-not-found'; message: string }>;

export type ComposerDeps = Readonly<{
  messages: Pick<MessageRepository, 'findBySeq'>;
  conversations: Pick<ConversationRepository, 'isMember'>;
  users: Pick<UserRepository, 'findById'>;
}>;

const PREVIEW_LENGTH = 80;

/**
 * Turns what a client sent into what the server stores: the server fills in what it must vouch
 * for (the quoted sender and preview of a reply, a card's names, a forward's original) and
 * never trusts the client's copy of those. Runs inside the write transaction, so what it reads
 * cannot change before the message is stored.
 */
export function composeMessage(
  outgoing: OutgoingMessage,
  context: Readonly<{ senderId: string; conversationId: string }>,
  deps: ComposerDeps,
): Composed {
  const composed = composeBody(outgoing, context, deps);
  if (composed.ok && dataContentBytes(composed.body) > MAX_BODY_BYTES)
    return refuse('invalid-request', 'The message is too large.');
  return composed;
}

function composeBody(
  outgoing: OutgoingMessage,
  { senderId, conversationId }: Readonly<{ senderId: string; conversationId: string }>,
  deps: ComposerDeps,
): Composed {
  switch (outgoing.kind) {
    case 'text': {
      const { text, mentions, replyTo } = outgoing.body;
      const body: Record<string, unknown> = { text };
      if (mentions && mentions.length > 0) body.mentions = [...new Set(mentions)];
      if (replyTo) {
        const quoted = deps.messages.findBySeq(conversationId, replyTo.seq);
        if (!quoted) return refuse('invalid-request', 'The message replied to does not exist.');
        body.replyTo = { seq: quoted.seq, senderId: quoted.senderId, preview: previewOf(quoted) };
      }
      return { ok: true, kind: 'text', body };
    }
    case 'card': {
      const user = deps.users.findById(outgoing.body.userId);
      if (!user) return refuse('user-not-found', 'The user on the card does not exist.');
      return {
        ok: true,
        kind: 'card',
        body: { userId: user.id, username: user.username, displayName: user.displayName },
      };
    }
    case 'forward': {
      const source = outgoing.body;
      if (!deps.conversations.isMember(source.conversationId, senderId))
        return refuse('invalid-request', 'The forwarded message does not exist.');
      const original = deps.messages.findBySeq(source.conversationId, source.seq);
      if (!original || original.recalledAt !== null)
        return refuse('invalid-request', 'The forwarded message does not exist.');
      if (original.kind === 'notice')
        return refuse('invalid-request', 'A system notice cannot be forwarded.');
      const { replyTo: _reply, mentions: _mentions, forwarded, ...rest } = parseBody(original);
      // A forward of a forward still names the first author.
      const origin = isForwardInfo(forwarded)
        ? forwarded
        : { senderId: original.senderId, sentAt: original.sentAt };
      return { ok: true, kind: original.kind, body: { ...rest, forwarded: origin } };
    }
  }
}

/** A short single-line quote of a message, as the reply shows it. */
export function previewOf(message: StoredMessage): string {
  const body = parseBody(message);
  let text: string;
  if (message.kind === 'text' && typeof body.text === 'string') text = body.text;
  else if (message.kind === 'card')
    text = `[Card] ${typeof body.displayName === 'string' ? body.displayName : ''}`;
  else if (message.kind === 'notice' && body.event === NoticeEvent.recall) text = '[Recalled]';
  else text = `[${message.kind}]`;
  // eslint-disable-next-line no-control-regex -- control characters would only bloat the escaped preview
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return [...flat].slice(0, PREVIEW_LENGTH).join('');
}

function parseBody(message: StoredMessage): Record<string, unknown> {
  return JSON.parse(message.bodyJson) as Record<string, unknown>;
}

function isForwardInfo(value: unknown): value is { senderId: string; sentAt: number } {
  if (typeof value !== 'object' || value === null) return false;
  const info = value as Record<string, unknown>;
  return typeof info.senderId === 'string' && typeof info.sentAt === 'number';
}

function refuse(code: 'invalid-request' | 'user-not-found', message: string): Composed {
  return { ok: false, code, message };
}
