import type { Conversation, Message, Peer } from '../../../shared/ipc';
import type { WireMessage } from '../../../shared/protocol';

/** A message waiting for the server's ACK, with the exact frame to (re)send. */
export type OutboxEntry = Readonly<{
  fp: string;
  toUserId: string;
  frame: string;
  attempts: number;
  createdAt: number;
}>;

/** What applying a pushed message did. */
export type ApplyOutcome =
  | Readonly<{
      kind: 'inserted';
      message: Message;
      conversation: Conversation;
      /** The peer is known only by id: the caller should fetch the profile. */
      peerProfileMissing: boolean;
    }>
  /** A message this device already had (its own, sent from here) learned its sequence or status. */
  | Readonly<{ kind: 'updated'; message: Message }>
  | Readonly<{ kind: 'duplicate' }>;

/**
 * One account's local store. Every method is one transaction, and every method is async so the
 * implementation can move to a worker thread without changing a caller.
 */
export type Store = Readonly<{
  /** This installation's device id for the account, created on first use. */
  deviceId(create: () => string): Promise<string>;
  listConversations(): Promise<Conversation[]>;
  getConversation(id: string): Promise<Conversation | null>;
  /** Creates the conversation if needed and records the peer's profile. */
  openDirectConversation(
    id: string,
    peer: Peer,
    now: number,
  ): Promise<Readonly<{ conversation: Conversation; changed: boolean }>>;
  /** The conversation when the profile changed anything, else null. */
  updatePeer(conversationId: string, peer: Peer): Promise<Conversation | null>;
  /** The message, its conversation's new last message and its outbox row, all or nothing. */
  insertOutgoing(
    message: Message,
    outbox: Readonly<{ toUserId: string; frame: string }>,
  ): Promise<Conversation>;
  /** Applies a pushed message once, by fp and by (conversation, seq). `me` decides its direction. */
  applyIncoming(wire: WireMessage, me: string, now: number): Promise<ApplyOutcome>;
  /** The server stored it: → sent, and the outbox row goes. The message if its status changed. */
  markSent(fp: string): Promise<Message | null>;
  /** The server refused it or the retry budget ran out: → failed, and the outbox row goes. */
  markFailed(fp: string): Promise<Message | null>;
  /** Counts one transmission; the new count, or null when the entry is no longer pending. */
  recordAttempt(fp: string, now: number): Promise<number | null>;
  listOutbox(): Promise<OutboxEntry[]>;
  /** A page of the timeline, oldest first. */
  listMessages(
    conversationId: string,
    page: Readonly<{ beforeSeq?: number; limit: number }>,
  ): Promise<Message[]>;
  close(): Promise<void>;
}>;
