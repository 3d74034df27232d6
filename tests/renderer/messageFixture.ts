import type { Message } from '../../shared/ipc/models';

/** A text message with sensible defaults; override what a test is about. */
export function textMessage(overrides: Partial<Message> & { text?: string } = {}): Message {
  const { text = 'hello', ...rest } = overrides;
  return {
    id: 'fp-1',
    conversationId: 'd:u1:u2',
    seq: 1,
    senderId: 'u1',
    outgoing: true,
    sentAt: Date.UTC(2025, 0, 2, 9, 30),
    kind: 'text',
    body: { text },
    status: 'sent',
    recalled: null,
    ...rest,
  };
}
