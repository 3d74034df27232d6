import type { CommandValue } from '../../shared/protocol';
import type { ServerMetrics } from '../observability/metrics';
import type { ConversationRepository } from '../storage/conversationRepository';
import type { InboxRepository } from '../storage/inboxRepository';
import type { MessageRepository } from '../storage/messageRepository';
import { CommandFailure } from './commandFailure';
import type { CommandContext, ParsedArgs } from './commandService';
import { conversationAccess, type GroupAccess } from './conversationAccess';
import type { DeviceService } from './deviceService';
import { fitPage } from './frameBudget';
import { toWireInboxEvent } from './inboxEvents';
import { toWireMessage } from './wireMessage';

/** The pull side of notify-pull: inbox pages, history pages and the conversation list. */
export type SyncService = Readonly<{
  inbox(context: CommandContext, args: ParsedArgs<'sync.inbox'>): CommandValue<'sync.inbox'>;
  history(context: CommandContext, args: ParsedArgs<'sync.history'>): CommandValue<'sync.history'>;
  conversations(context: CommandContext): CommandValue<'sync.conversations'>;
}>;

export function createSyncService(
  deps: Readonly<{
    inbox: Pick<InboxRepository, 'head' | 'page'>;
    messages: Pick<MessageRepository, 'pageBefore' | 'pageAfter'>;
    conversations: Pick<ConversationRepository, 'isMember' | 'lastSeq' | 'listForUser'>;
    devices: Pick<DeviceService, 'acknowledge'>;
    metrics: Pick<ServerMetrics, 'syncPulls'>;
    groups?: Pick<GroupAccess, 'departedUntil'>;
  }>,
): SyncService {
  const { inbox, messages, conversations, devices, metrics } = deps;

  return {
    inbox({ userId, deviceId }, { after, limit }) {
      const head = inbox.head(userId);
      // Below the floor the events are gone; above the head the device knows events we do not.
      if (after < head.floor || after > head.last) throw new CommandFailure('cursor-reset');
      metrics.syncPulls.inc({ kind: 'inbox' });
      // Pulling from a cursor acknowledges everything up to it.
      devices.acknowledge(userId, deviceId, after);
      const all = inbox.page(userId, after, limit).map(toWireInboxEvent);
      const events = fitPage(all, (page) => ({ events: page, max: head.last, hasMore: true }), 'head');
      const lastSeq = events.at(-1)?.seq ?? after;
      return { events, max: head.last, hasMore: lastSeq < head.last };
    },

    history({ userId }, { conversationId, before, after, limit }) {
      if (before !== undefined && after !== undefined)
        throw new CommandFailure('invalid-request', 'Give either before or after, not both.');
      // A member who left a group keeps its history up to the notice of their exit.
      const until = deps.groups?.departedUntil(conversationId, userId) ?? null;
      if (until === null && conversationAccess(conversations, conversationId, userId) === 'absent')
        return { messages: [], hasMore: false };
      const visible = (seq: number): boolean => until === null || seq <= until;
      metrics.syncPulls.inc({ kind: 'history' });
      const build = (page: readonly CommandValue<'sync.history'>['messages'][number][]): unknown => ({
        messages: page,
        hasMore: true,
      });
      if (after !== undefined) {
        const rows = messages
          .pageAfter(conversationId, after, limit + 1)
          .filter((m) => visible(m.seq))
          .map(toWireMessage);
        const page = fitPage(rows.slice(0, limit), build, 'head');
        return { messages: page, hasMore: rows.length > page.length };
      }
      const newest = until ?? conversations.lastSeq(conversationId) ?? 0;
      const anchor = Math.min(before ?? newest + 1, newest + 1);
      const rows = messages.pageBefore(conversationId, anchor, limit + 1).map(toWireMessage);
      const page = fitPage(rows.slice(-limit), build, 'tail');
      return { messages: page, hasMore: rows.length > page.length };
    },

    conversations({ userId }) {
      metrics.syncPulls.inc({ kind: 'conversations' });
      const head = inbox.head(userId);
      const all = conversations.listForUser(userId).map((c) => ({
        id: c.id,
        lastSeq: c.lastSeq,
        readSeq: c.readSeq,
        ...(c.peerReadSeq === null ? {} : { peerReadSeq: c.peerReadSeq }),
      }));
      // The most recently active first; a list too long for one frame loses the quietest ones.
      const list = fitPage(all, (page) => ({ inbox: head.last, conversations: page }), 'head');
      return { inbox: head.last, conversations: list };
    },
  };
}
