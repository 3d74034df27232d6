import { NoticeEvent, type CommandValue, type NoticeBody } from '../../shared/protocol';
import type { Clock } from '../ports';
import type { Group, GroupRepository, GroupRole } from '../storage/groupRepository';
import type { InboxRepository } from '../storage/inboxRepository';
import type { MessageRepository } from '../storage/messageRepository';
import type { UserRepository } from '../storage/userRepository';
import { CommandFailure } from './commandFailure';
import type { CommandContext, ParsedArgs } from './commandService';
import { appendNotice, fanOutGroupMessage, type GroupFanout, type GroupPublisher } from './groupFanout';
import type { WriteQueue } from './writeQueue';

type GroupCommand =
  | 'group.create'
  | 'group.invite'
  | 'group.kick'
  | 'group.quit'
  | 'group.dissolve'
  | 'group.rename'
  | 'group.setNotice'
  | 'group.transfer'
  | 'group.setAdmin'
  | 'group.setNickname'
  | 'group.members'
  | 'group.list'
  | 'group.readCount';

/**
 * Groups: membership, roles and settings. Every change is a system notice in the group's
 * conversation (seen like any message) and, for the users who joined or left, a `group` event
 * in their own inbox. Repeating a command whose effect is already there changes nothing.
 */
export type GroupService = Readonly<{
  [N in GroupCommand]: (
    context: CommandContext,
    args: ParsedArgs<N>,
  ) => Promise<CommandValue<N>> | CommandValue<N>;
}>;

export type GroupLimits = Readonly<{
  maxMembers: number;
  pointerMaxMembers: number;
  readCountMaxMembers: number;
}>;

type Change = Readonly<{ fanouts: GroupFanout[] }>;

export function createGroupService(
  deps: Readonly<{
    groups: GroupRepository;
    users: Pick<UserRepository, 'exists'>;
    messages: Pick<MessageRepository, 'append'>;
    inbox: Pick<InboxRepository, 'append'>;
    queue: WriteQueue;
    publisher: GroupPublisher;
    clock: Clock;
    limits: GroupLimits;
  }>,
): GroupService {
  const { groups, users, messages, inbox, queue, publisher, clock, limits } = deps;
  const fanoutDeps = { groups, inbox, pointerMaxMembers: limits.pointerMaxMembers };

  /** The group and the user's role, for a current member; the clear error otherwise. */
  const memberOf = (groupId: string, userId: string): { group: Group; role: GroupRole } => {
    const group = groups.find(groupId);
    const membership = group ? groups.membership(groupId, userId) : undefined;
    if (!group || !membership) throw new CommandFailure('not-found', 'No such group.');
    if (membership.leftSeq !== null)
      throw new CommandFailure('not-a-member', 'You are no longer a member of this group.');
    return { group, role: membership.role };
  };
  /** As `memberOf`, for a change: a dissolved group is read-only. */
  const actorIn = (groupId: string, userId: string, allowed: readonly GroupRole[]): Group => {
    const { group, role } = memberOf(groupId, userId);
    if (group.dissolved) throw new CommandFailure('read-only');
    if (!allowed.includes(role))
      throw new CommandFailure('forbidden', `Only the ${allowed.join(' or ')} may do that.`);
    return group;
  };
  const currentTarget = (groupId: string, userId: string): GroupRole => {
    const membership = groups.membership(groupId, userId);
    if (!membership || membership.leftSeq !== null)
      throw new CommandFailure('not-a-member', 'That user is not a member of this group.');
    return membership.role;
  };
  const checkUsers = (ids: readonly string[]): void => {
    for (const id of ids) if (!users.exists(id)) throw new CommandFailure('user-not-found', `No user ${id}.`);
  };

  const run = async <T>(change: (now: number) => Change & { value: T }): Promise<T> => {
    const result = await queue.run(() => change(clock.now()));
    publisher.publish(result.fanouts);
    return result.value;
  };
  const notice = (
    group: Group,
    body: NoticeBody,
    now: number,
    extra: Parameters<typeof fanOutGroupMessage>[4] = {},
  ): { fanout: GroupFanout; seq: number } => {
    const message = appendNotice(messages, group, body, now);
    return { fanout: fanOutGroupMessage(fanoutDeps, group, message, now, extra), seq: message.seq };
  };
  const membershipEvent = (
    userId: string,
    action: 'joined' | 'left',
    group: Group,
    seq: number,
    by: string,
    now: number,
  ): GroupFanout => ({
    entries: [
      [
        userId,
        {
          event: inbox.append(
            userId,
            { type: 'group', action, conversationId: group.conversationId, messageSeq: seq, by },
            now,
          ),
          message: null,
        },
      ],
    ],
    cursor: null,
  });
  const simple =
    <N extends 'group.rename' | 'group.setNotice'>(
      apply: (group: Group, args: ParsedArgs<N>) => NoticeBody | null,
    ) =>
    ({ userId }: CommandContext, args: ParsedArgs<N>) =>
      run((now) => {
        const group = actorIn(args.groupId, userId, ['owner', 'admin']);
        const body = apply(group, args);
        if (body === null) return { value: {}, fanouts: [] };
        return { value: {}, fanouts: [notice(group, { ...body, actorId: userId }, now).fanout] };
      });

  return {
    'group.create': ({ userId }, { name, memberIds }) =>
      run((now) => {
        const others = [...new Set(memberIds)].filter((id) => id !== userId);
        checkUsers(others);
        if (others.length + 1 > limits.maxMembers) throw new CommandFailure('group-full');
        const group = groups.create(name, userId, others, now);
        const created = notice(
          group,
          { event: NoticeEvent.groupCreated, actorId: userId, targetIds: others, text: name },
          now,
        );
        const joined = [userId, ...others].map((id) =>
          membershipEvent(id, 'joined', group, created.seq, userId, now),
        );
        const value = {
          groupId: group.id,
          conversationId: group.conversationId,
          name: group.name,
          notice: group.notice,
          ownerId: group.ownerId,
          memberCount: group.memberCount,
          dissolved: group.dissolved,
        };
        return { value, fanouts: [created.fanout, ...joined] };
      }),

    'group.invite': ({ userId }, { groupId, userIds }) =>
      run((now) => {
        const group = actorIn(groupId, userId, ['owner', 'admin', 'member']);
        const fresh = [...new Set(userIds)].filter((id) => {
          const membership = groups.membership(groupId, id);
          return !membership || membership.leftSeq !== null;
        });
        checkUsers(fresh);
        if (fresh.length === 0) return { value: {}, fanouts: [] };
        if (group.memberCount + fresh.length > limits.maxMembers) throw new CommandFailure('group-full');
        for (const id of fresh) groups.add(groupId, id, now);
        const joined = notice(
          group,
          { event: NoticeEvent.memberJoined, actorId: userId, targetIds: fresh },
          now,
        );
        const events = fresh.map((id) => membershipEvent(id, 'joined', group, joined.seq, userId, now));
        return { value: {}, fanouts: [joined.fanout, ...events] };
      }),

    'group.kick': ({ userId }, { groupId, userId: target }) =>
      run((now) => {
        const group = actorIn(groupId, userId, ['owner', 'admin']);
        if (target === userId) throw new CommandFailure('invalid-request', 'Use group.quit to leave.');
        const membership = groups.membership(groupId, target);
        // Kicking someone already gone is a repeat, not an error.
        if (!membership || membership.leftSeq !== null) return { value: {}, fanouts: [] };
        const actorRole = groups.membership(groupId, userId)?.role;
        if (actorRole !== 'owner' && membership.role !== 'member')
          throw new CommandFailure('forbidden', 'Admins may remove plain members only.');
        const kicked = notice(
          group,
          { event: NoticeEvent.memberKicked, actorId: userId, targetIds: [target] },
          now,
          {
            alsoTo: [target],
          },
        );
        groups.remove(groupId, target, kicked.seq);
        return {
          value: {},
          fanouts: [kicked.fanout, membershipEvent(target, 'left', group, kicked.seq, userId, now)],
        };
      }),

    'group.quit': ({ userId }, { groupId }) =>
      run((now) => {
        const group = actorIn(groupId, userId, ['admin', 'member']);
        const quit = notice(group, { event: NoticeEvent.memberQuit, actorId: userId }, now, {
          alsoTo: [userId],
        });
        groups.remove(groupId, userId, quit.seq);
        return {
          value: {},
          fanouts: [quit.fanout, membershipEvent(userId, 'left', group, quit.seq, userId, now)],
        };
      }),

    'group.dissolve': ({ userId }, { groupId }) =>
      run((now) => {
        const { group } = memberOf(groupId, userId);
        if (group.dissolved) return { value: {}, fanouts: [] };
        actorIn(groupId, userId, ['owner']);
        const dissolved = notice(group, { event: NoticeEvent.groupDissolved, actorId: userId }, now);
        groups.dissolve(groupId, now);
        return { value: {}, fanouts: [dissolved.fanout] };
      }),

    'group.rename': simple<'group.rename'>((group, { groupId, name }) => {
      if (group.name === name) return null;
      groups.rename(groupId, name);
      return { event: NoticeEvent.groupRenamed, text: name };
    }),

    'group.setNotice': simple<'group.setNotice'>((group, { groupId, notice: text }) => {
      if (group.notice === text) return null;
      groups.setNotice(groupId, text);
      return { event: NoticeEvent.groupNotice, text };
    }),

    'group.transfer': ({ userId }, { groupId, userId: target }) =>
      run((now) => {
        const group = actorIn(groupId, userId, ['owner']);
        if (target === userId) return { value: {}, fanouts: [] };
        currentTarget(groupId, target);
        groups.setOwner(groupId, target);
        groups.setRole(groupId, target, 'owner');
        groups.setRole(groupId, userId, 'member');
        const body = { event: NoticeEvent.ownerTransferred, actorId: userId, targetIds: [target] };
        return { value: {}, fanouts: [notice(group, body, now).fanout] };
      }),

    'group.setAdmin': ({ userId }, { groupId, userId: target, admin }) =>
      run((now) => {
        const group = actorIn(groupId, userId, ['owner']);
        const role = currentTarget(groupId, target);
        if (role === 'owner') throw new CommandFailure('invalid-request', 'The owner is not an admin.');
        const wanted: GroupRole = admin ? 'admin' : 'member';
        if (role === wanted) return { value: {}, fanouts: [] };
        groups.setRole(groupId, target, wanted);
        const event = admin ? NoticeEvent.adminSet : NoticeEvent.adminUnset;
        return {
          value: {},
          fanouts: [notice(group, { event, actorId: userId, targetIds: [target] }, now).fanout],
        };
      }),

    'group.setNickname': ({ userId }, { groupId, nickname }) =>
      run(() => {
        actorIn(groupId, userId, ['owner', 'admin', 'member']);
        groups.setNickname(groupId, userId, nickname);
        return { value: {}, fanouts: [] };
      }),

    'group.members': ({ userId }, { groupId }) => {
      memberOf(groupId, userId);
      return { members: groups.members(groupId) };
    },

    'group.list': ({ userId }) => ({
      groups: groups.groupsOf(userId).map((group) => ({
        groupId: group.id,
        conversationId: group.conversationId,
        name: group.name,
        notice: group.notice,
        ownerId: group.ownerId,
        memberCount: group.memberCount,
        dissolved: group.dissolved,
      })),
    }),

    'group.readCount': ({ userId }, { groupId, seq }) => {
      const { group } = memberOf(groupId, userId);
      if (group.memberCount > limits.readCountMaxMembers)
        throw new CommandFailure(
          'forbidden',
          `Read counts are kept for groups of up to ${limits.readCountMaxMembers} members.`,
        );
      const read = groups.readCount(groupId, seq, userId);
      return { read, unread: Math.max(0, group.memberCount - 1 - read) };
    },
  };
}
