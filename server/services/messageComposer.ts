import { NoticeEvent, type OutgoingMessage } from '../../shared/protocol';
import { fileNameSchema } from '../files/uploadSchemas';
import type { ConversationRepository } from '../storage/conversationRepository';
import type { FileRecord } from '../storage/fileRepository';
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
  /** Uploaded files; without them image and file messages are refused. */
  files?: Readonly<{ attachable(userId: string, fileId: string): FileRecord | null }>;
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
    case 'image':
    case 'file':
      return composeAttachment(outgoing, senderId, deps);
  }
}

/**
 * An image or file message: the sender must have uploaded the file or already see it in a
 * conversation; size, type and hash come from the upload, an image's pixel size from its header.
 */
function composeAttachment(
  outgoing: Extract<OutgoingMessage, { kind: 'image' | 'file' }>,
  senderId: string,
  deps: ComposerDeps,
): Composed {
  const missing = refuse('invalid-request', 'The attached file does not exist.');
  const file = deps.files?.attachable(senderId, outgoing.body.fileId);
  if (!file || file.sha256 === null) return missing;
  const name = outgoing.body.name ?? file.name;
  if (!fileNameSchema.safeParse(name).success)
    return refuse('invalid-request', 'The file name is not valid.');
  const body: Record<string, unknown> = {
    fileId: file.id,
    name,
    size: file.size,
    mime: file.mime,
    sha256: file.sha256,
  };
  if (outgoing.kind === 'file') return { ok: true, kind: 'file', body };
  if (file.width === null || file.height === null)
    return refuse('invalid-request', 'The file is not a PNG, JPEG, GIF or WebP image.');
  body.width = file.width;
  body.height = file.height;
  const thumbnailId = outgoing.body.thumbnailFileId;
  if (thumbnailId !== undefined) {
    const thumbnail = deps.files?.attachable(senderId, thumbnailId);
    if (!thumbnail || thumbnail.width === null)
      return refuse('invalid-request', 'The thumbnail is not an image.');
    body.thumbnailFileId = thumbnail.id;
  }
  return { ok: true, kind: 'image', body };
}

/** A short single-line quote of a message, as the reply shows it. */
export function previewOf(message: StoredMessage): string {
  const body = parseBody(message);
  let text: string;
  if (message.kind === 'text' && typeof body.text === 'string') text = body.text;
  else if (message.kind === 'card')
    text = `[Card] ${typeof body.displayName === 'string' ? body.displayName : ''}`;
  else if (message.kind === 'notice' && body.event === NoticeEvent.recall) text = '[Recalled]';
  else if (message.kind === 'image') text = '[Image]';
  else if (message.kind === 'file') text = `[File] ${typeof body.name === 'string' ? body.name : ''}`;
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
