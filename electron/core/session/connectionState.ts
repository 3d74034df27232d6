import type {
  AccountMode,
  AuthFailure,
  BasicModeLimit,
  ConnectionState,
  KickReason,
} from '../../../shared/ipc';
import { KickoutCode } from '../../../shared/protocol';

/** Everything basic mode cannot do; the UI greys these out. */
export const BASIC_MODE_LIMITS: readonly BasicModeLimit[] = [
  'history-sync',
  'groups',
  'files',
  'recall',
  'read-receipts',
];

/** What the session knows about its link; the connection state the UI sees is derived from it. */
export type LinkFacts = {
  mode: AccountMode;
  link: 'connecting' | 'ready' | 'waiting' | 'halted';
  nextAttemptAt: number;
  attempt: number;
  /** A Tidings server said hello on this link. */
  hello: boolean;
  /** No hello came in time: the server is a stock one. */
  basicDetected: boolean;
  kicked: KickReason | null;
  authFailure: AuthFailure | null;
  /** The operating system reports no network. */
  systemOffline: boolean;
};

export function kickReason(code: number): KickReason {
  if (code === KickoutCode.duplicateLogin) return 'other-login';
  if (code === KickoutCode.admin) return 'admin';
  return 'unknown';
}

/** The UI's connection state for these facts. */
export function deriveConnectionState(facts: Readonly<LinkFacts>): ConnectionState {
  const { mode } = facts;
  if (facts.authFailure !== null) return { status: 'auth-failed', mode, reason: facts.authFailure };
  if (facts.kicked !== null) return { status: 'kicked', mode, reason: facts.kicked };
  if (facts.link === 'ready') {
    if (mode === 'basic' || facts.basicDetected)
      return { status: 'basic', mode, unavailable: [...BASIC_MODE_LIMITS] };
    return facts.hello ? { status: 'online', mode: 'tidings' } : { status: 'connecting', mode };
  }
  if (facts.systemOffline) return { status: 'offline', mode };
  if (facts.link === 'waiting')
    return { status: 'reconnecting', mode, nextAttemptAt: facts.nextAttemptAt, attempt: facts.attempt };
  return { status: 'connecting', mode };
}

export function sameState(a: ConnectionState, b: ConnectionState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
