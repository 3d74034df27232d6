import type { WireMessage } from '../../shared/protocol';
import { NoticeEvent } from '../../shared/protocol';

/** What a stock client shows for a recalled message (it cannot take a message back). */
export const RECALLED_STOCK_TEXT = '[Message recalled]';

/**
 * A stored message as the plain text a stock MobileIMSDK client can show (typeu -1). Kinds
 * this version does not know still arrive, as an "update to view" line.
 */
export function toStockText(message: WireMessage): string {
  const body = message.body;
  const forwarded = isRecord(body.forwarded) ? '[Forwarded] ' : '';
  switch (message.kind) {
    case 'text': {
      const text = stringField(body, 'text') ?? '';
      const reply = isRecord(body.replyTo) ? stringField(body.replyTo, 'preview') : undefined;
      return `${forwarded}${reply ? `[Reply to "${reply}"] ` : ''}${text}`;
    }
    case 'card': {
      const name = stringField(body, 'displayName') ?? stringField(body, 'userId') ?? '';
      const username = stringField(body, 'username');
      return `${forwarded}[Card] ${name}${username ? ` (@${username})` : ''}`;
    }
    case 'notice':
      if (body.event === NoticeEvent.recall) return RECALLED_STOCK_TEXT;
      return `[Notice] ${stringField(body, 'text') ?? stringField(body, 'event') ?? ''}`;
    default:
      return `${forwarded}[${message.kind}] Update the app to view this message.`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}
