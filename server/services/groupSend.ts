import type { ServerErrorCode } from '../errors';
import type { GroupRepository } from '../storage/groupRepository';
import type { InboxRepository } from '../storage/inboxRepository';
import type { StoredMessage } from '../storage/messageRows';
import { fanOutGroupMessage, type GroupFanout, type GroupPublisher } from './groupFanout';

/** What the messaging service needs to send to a group (`to` = the group's conversation id). */
export type GroupSender = Readonly<{
  /** Inside the transaction: why the sender may not write in the group, or null. */
  refusal(senderId: string, groupId: string): ServerErrorCode | null;
  /** Inside the transaction, after the message is stored. */
  fanOut(
    groupId: string,
    message: StoredMessage,
    body: Readonly<Record<string, unknown>>,
    now: number,
  ): GroupFanout;
  /** After the commit. */
  publish(fanout: GroupFanout): void;
}>;

export function createGroupSender(
  deps: Readonly<{
    groups: Pick<GroupRepository, 'find' | 'membership' | 'memberIds'>;
    inbox: Pick<InboxRepository, 'append'>;
    publisher: GroupPublisher;
    pointerMaxMembers: number;
  }>,
): GroupSender {
  const { groups } = deps;
  return {
    refusal(senderId, groupId) {
      const group = groups.find(groupId);
      const membership = group ? groups.membership(groupId, senderId) : undefined;
      if (!group || !membership || membership.leftSeq !== null) return 'not-a-member';
      return group.dissolved ? 'read-only' : null;
    },
    fanOut(groupId, message, body, now) {
      const group = groups.find(groupId);
      if (!group) throw new Error('group vanished inside its transaction');
      const mentions = Array.isArray(body.mentions)
        ? body.mentions.filter((id): id is string => typeof id === 'string')
        : [];
      return fanOutGroupMessage(deps, group, message, now, { mentions });
    },
    publish: (fanout) => deps.publisher.publish([fanout]),
  };
}
