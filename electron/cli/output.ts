import type { Account, ConnectionState, Message, Result } from '../../shared/ipc';
import { CliError } from './cliError';

/** The value of a successful engine call, or a CliError with the engine's sentence. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new CliError(result.error.message);
  return result.value;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local time as `YYYY-MM-DD HH:MM`. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** What a message says, for a terminal: its text, a tombstone, or its kind. */
export function messageText(message: Message): string {
  if (message.recalled) return '(recalled)';
  if (message.kind === 'text' && typeof message.body.text === 'string') return message.body.text;
  return `[${message.kind}]`;
}

export function describeAccount(account: Account): string {
  const where = account.mode === 'basic' ? `${account.serverUrl} (basic mode)` : account.serverUrl;
  return account.displayName === account.username
    ? `${account.username} on ${where}`
    : `${account.displayName} (${account.username}) on ${where}`;
}

export function describeConnection(state: ConnectionState): string {
  switch (state.status) {
    case 'signed-out':
      return 'signed out';
    case 'online':
      return 'online';
    case 'basic':
      return 'online in basic mode (one-to-one text only)';
    case 'connecting':
      return 'connecting';
    case 'reconnecting':
      return `reconnecting (next try at ${formatTime(state.nextAttemptAt)})`;
    case 'offline':
      return 'offline';
    case 'kicked':
      return state.reason === 'admin'
        ? 'signed out by an administrator'
        : state.reason === 'other-login'
          ? 'signed out: this device signed in elsewhere'
          : 'signed out by the server';
    case 'auth-failed':
      return `sign-in needed (${state.reason}): run tidings login`;
  }
}

/** One message as a JSON line for `listen` and `history`. */
export function messageRecord(message: Message): Record<string, unknown> {
  return {
    type: 'message',
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    from: message.senderId,
    outgoing: message.outgoing,
    sentAt: message.sentAt,
    kind: message.kind,
    text: message.recalled ? null : messageText(message),
    status: message.status,
    recalled: message.recalled,
  };
}
