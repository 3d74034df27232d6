import { toMessage } from '../../store/rows';
import type { MessageSource } from '../source/messageSource';
import type { ContextRequest, ContextWindow } from './searchRequests';

/** The anchor message and up to `before`/`after` visible messages around it in its timeline. */
export function readContext(source: MessageSource, request: ContextRequest): ContextWindow | null {
  const { anchor } = request;
  const row =
    'messageId' in anchor ? source.byFp(anchor.messageId) : source.bySeq(anchor.conversationId, anchor.seq);
  if (row === null || row.deleted_at !== null) return null;
  const before = source.before(row, request.before);
  const after = source.after(row, request.after);
  return {
    conversationId: row.conversation_id,
    messages: [...before, row, ...after].map(toMessage),
    anchorIndex: before.length,
  };
}
