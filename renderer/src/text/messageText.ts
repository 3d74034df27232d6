import type { Message } from '../../../shared/ipc/models';

export type DisplayText = Readonly<{ text: string; known: boolean }>;

/**
 * The text a bubble shows. Kinds added after this version are kept and shown as a hint to
 * update rather than dropped, as the contract's open `kind` intends.
 */
export function messageText(message: Pick<Message, 'kind' | 'body'>): DisplayText {
  if (message.kind === 'text' && typeof message.body.text === 'string')
    return { text: message.body.text, known: true };
  return { text: 'This message needs a newer version of Tidings.', known: false };
}
