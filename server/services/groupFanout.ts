import { randomUUID } from 'node:crypto';
import type { NoticeBody } from '../../shared/protocol';
import type { Scheduler } from '../ports';
import type { Group, GroupRepository } from '../storage/groupRepository';
import type { InboxEntry, InboxRepository } from '../storage/inboxRepository';
import type { MessageRepository } from '../storage/messageRepository';
import type { StoredMessage } from '../storage/messageRows';
import type { DeliveryService } from './deliveryService';
import type { Presence } from './presence';

/**
 * Read diffusion: a group message is stored once. A group of at most `pointerMaxMembers`
 * members also gets a `message` pointer in each member's inbox (inline notifies, as one-to-one);
 * a larger one gets none: its members learn of new messages from the group's cursor
 * (`cursors.groups`) in a notify, the hello and every keepalive answer, and pull the history.
 * That keeps a message's write cost constant above the threshold, where per-member pointers
 * would make each message cost as many inbox rows as the group has members.
 */
export type GroupFanout = Readonly<{
  entries: ReadonlyArray<readonly [string, InboxEntry]>;
  /** Large groups: who is told of the group's new cursor. */
  cursor: Readonly<{ conversationId: string; seq: number; memberIds: readonly string[] }> | null;
}>;

export type FanoutDeps = Readonly<{
  groups: Pick<GroupRepository, 'memberIds'>;
  inbox: Pick<InboxRepository, 'append'>;
  pointerMaxMembers: number;
}>;

/** Writes the pointers (and mentions) of a stored group message; inside the transaction. */
export function fanOutGroupMessage(
  deps: FanoutDeps,
  group: Group,
  message: StoredMessage,
  now: number,
  extra: Readonly<{ mentions?: readonly string[]; alsoTo?: readonly string[] }> = {},
): GroupFanout {
  const { conversationId, seq } = message;
  const members = deps.groups.memberIds(group.id);
  const entries: [string, InboxEntry][] = [];
  const point = (userId: string): void => {
    const event = deps.inbox.append(userId, { type: 'message', conversationId, messageSeq: seq }, now);
    entries.push([userId, { event, message }]);
  };
  const large = members.length > deps.pointerMaxMembers;
  if (!large) members.forEach(point);
  // Someone who just left is told of the notice of their exit, whatever the group's size.
  for (const userId of extra.alsoTo ?? []) if (large || !members.includes(userId)) point(userId);
  const mentioned = extra.mentions?.includes('all')
    ? members
    : members.filter((id) => extra.mentions?.includes(id) === true);
  for (const userId of mentioned) {
    if (userId === message.senderId) continue;
    const event = deps.inbox.append(
      userId,
      { type: 'mention', conversationId, messageSeq: seq, by: message.senderId },
      now,
    );
    entries.push([userId, { event, message: null }]);
  }
  return { entries, cursor: large ? { conversationId, seq, memberIds: members } : null };
}

/** Appends a system notice to the group's conversation (inside the transaction). */
export function appendNotice(
  messages: Pick<MessageRepository, 'append'>,
  group: Group,
  body: NoticeBody,
  now: number,
): StoredMessage {
  return messages.append({
    conversationId: group.conversationId,
    senderId: body.actorId ?? group.ownerId,
    fp: `sys-${randomUUID()}`,
    sentAt: now,
    kind: 'notice',
    bodyJson: JSON.stringify(body),
  });
}

export type GroupPublisher = Readonly<{
  /** After the commit: pointers through delivery, cursors to the online members of large groups. */
  publish(fanouts: readonly GroupFanout[]): void;
  close(): void;
}>;

export function createGroupPublisher(
  deps: Readonly<{
    delivery: Pick<DeliveryService, 'publish'>;
    presence: Presence;
    inbox: Pick<InboxRepository, 'head'>;
    scheduler: Scheduler;
    random: () => number;
    /** Cursor notifies make every online member pull: spread them like cursor-only notifies. */
    jitterMs: number;
  }>,
): GroupPublisher {
  const pending = new Set<() => void>();
  const notifyCursor = (cursor: NonNullable<GroupFanout['cursor']>): void => {
    for (const userId of cursor.memberIds) {
      for (const device of deps.presence.devicesOf(userId)) {
        if (device.kind !== 'tidings') continue;
        const send = (): void => {
          device.notify({
            cursors: { inbox: deps.inbox.head(userId).last, groups: { [cursor.conversationId]: cursor.seq } },
          });
        };
        if (deps.jitterMs === 0) {
          send();
          continue;
        }
        const cancel = deps.scheduler.after(Math.floor(deps.random() * deps.jitterMs), () => {
          pending.delete(cancel);
          send();
        });
        pending.add(cancel);
      }
    }
  };
  return {
    publish(fanouts) {
      const byUser = new Map<string, InboxEntry[]>();
      for (const fanout of fanouts) {
        for (const [userId, entry] of fanout.entries) {
          const list = byUser.get(userId) ?? [];
          list.push(entry);
          byUser.set(userId, list);
        }
      }
      for (const [userId, entries] of byUser) {
        entries.sort((a, b) => a.event.seq - b.event.seq);
        deps.delivery.publish(userId, entries);
      }
      for (const fanout of fanouts) if (fanout.cursor) notifyCursor(fanout.cursor);
    },
    close() {
      for (const cancel of pending) cancel();
      pending.clear();
    },
  };
}
