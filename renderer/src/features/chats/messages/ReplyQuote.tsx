import { useTranslation } from 'react-i18next';
import type { NameOf } from './NoticeRow';

export type ReplyTo = Readonly<{ seq: number; senderId?: string; preview?: string }>;

/** Reads `body.replyTo` defensively: it comes from the wire. */
export function replyOf(body: Readonly<Record<string, unknown>>): ReplyTo | null {
  const reply = body.replyTo;
  if (typeof reply !== 'object' || reply === null) return null;
  const { seq, senderId, preview } = reply as Record<string, unknown>;
  if (typeof seq !== 'number') return null;
  return {
    seq,
    ...(typeof senderId === 'string' ? { senderId } : {}),
    ...(typeof preview === 'string' ? { preview } : {}),
  };
}

/** The quoted message above a reply's text. */
export function ReplyQuote({ reply, nameOf }: Readonly<{ reply: ReplyTo; nameOf: NameOf }>) {
  const { t } = useTranslation('chats');
  return (
    <blockquote className="reply-quote" data-testid="reply-quote">
      <span className="reply-sender">{reply.senderId ? nameOf(reply.senderId) : t('bubble.someone')}</span>
      <span className="reply-preview">{reply.preview ?? ''}</span>
    </blockquote>
  );
}
