import { describe, expect, it } from 'vitest';
import { toStockText } from '../../../server/services/stockText';
import type { WireMessage } from '../../../shared/protocol';

const message = (kind: string, body: Record<string, unknown>): WireMessage => ({
  id: '1',
  conversationId: 'd:1:2',
  seq: 1,
  fp: 'f',
  senderId: '1',
  sentAt: 1,
  kind,
  body,
});

describe('stock text', () => {
  it.each([
    ['text', { text: 'hello' }, 'hello'],
    [
      'text',
      { text: 'sure', replyTo: { seq: 1, senderId: '2', preview: 'lunch?' } },
      '[Reply to "lunch?"] sure',
    ],
    ['text', { text: 'fwd', forwarded: { senderId: '3', sentAt: 1 } }, '[Forwarded] fwd'],
    ['card', { userId: '3', username: 'carol', displayName: 'Carol' }, '[Card] Carol (@carol)'],
    ['notice', { event: 'recall', actorId: '1' }, '[Message recalled]'],
    ['notice', { event: 'joined', text: 'Dave joined' }, '[Notice] Dave joined'],
    ['image', { fileId: 'x' }, '[image] Update the app to view this message.'],
  ])('%s %j → %s', (kind, body, text) => {
    expect(toStockText(message(kind, body))).toBe(text);
  });
});
