import type { GroupsConfig } from '../config';
import type { Clock, Scheduler } from '../ports';
import type { FriendRepository } from '../storage/friendRepository';
import type { GroupRepository } from '../storage/groupRepository';
import type { InboxRepository } from '../storage/inboxRepository';
import type { MessageRepository } from '../storage/messageRepository';
import type { PresenceRepository } from '../storage/presenceRepository';
import type { UserRepository } from '../storage/userRepository';
import type { DeliveryService } from './deliveryService';
import { createFriendService, type FriendService } from './friendService';
import { createGroupPublisher } from './groupFanout';
import { createGroupSender, type GroupSender } from './groupSend';
import { createGroupService, type GroupService } from './groupService';
import type { Presence } from './presence';
import { createPresenceService, type PresenceService } from './presenceService';
import type { WriteQueue } from './writeQueue';

/** Friends and groups, wired on the messaging core's queue and delivery. */
export type SocialCore = Readonly<{
  handlers: FriendService & GroupService & Pick<PresenceService, 'presence.get' | 'presence.setPrivacy'>;
  groupSender: GroupSender;
  /** A device of the user logged in or went away. */
  presenceChanged(userId: string): void;
  close(): void;
}>;

export function createSocialCore(
  deps: Readonly<{
    friends: FriendRepository;
    groups: GroupRepository;
    presenceSettings: PresenceRepository;
    users: Pick<UserRepository, 'exists'>;
    messages: Pick<MessageRepository, 'append'>;
    inbox: Pick<InboxRepository, 'append' | 'head'>;
    queue: WriteQueue;
    delivery: Pick<DeliveryService, 'publish'>;
    presence: Presence;
    clock: Clock;
    scheduler: Scheduler;
    random: () => number;
    notifyJitterMs: number;
    limits: GroupsConfig;
  }>,
): SocialCore {
  const { friends, groups, users, messages, inbox, queue, delivery, clock, limits } = deps;
  const publisher = createGroupPublisher({
    delivery,
    presence: deps.presence,
    inbox,
    scheduler: deps.scheduler,
    random: deps.random,
    jitterMs: deps.notifyJitterMs,
  });
  const friendService = createFriendService({ friends, users, inbox, queue, delivery, clock });
  const groupService = createGroupService({
    groups,
    users,
    messages,
    inbox,
    queue,
    publisher,
    clock,
    limits,
  });
  const presenceService = createPresenceService({
    repository: deps.presenceSettings,
    presence: deps.presence,
    inbox,
    queue,
    scheduler: deps.scheduler,
    coalesceMs: limits.presenceCoalesceMs,
    pushMaxGroupMembers: limits.pointerMaxMembers,
  });
  return {
    handlers: {
      ...friendService,
      ...groupService,
      'presence.get': presenceService['presence.get'],
      'presence.setPrivacy': presenceService['presence.setPrivacy'],
    },
    presenceChanged: (userId) => presenceService.changed(userId),
    groupSender: createGroupSender({ groups, inbox, publisher, pointerMaxMembers: limits.pointerMaxMembers }),
    close() {
      publisher.close();
      presenceService.close();
    },
  };
}
