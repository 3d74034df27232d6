import { IpcFailure, type Conversation } from '../../../../shared/ipc';
import type { Group, GroupMember } from '../../../../shared/ipc/channels/groups';
import type { CommandArgs, CommandName, CommandValue } from '../../../../shared/protocol';
import type { Clock } from '../../deps/clock';
import { errorText, type Logger } from '../../deps/logger';
import type { EventHub } from '../../events/eventHub';
import { HttpStatusError } from '../../http/httpErrors';
import { LinkDownError } from '../../net/commandClient';
import { createSerialQueue } from '../../persist/jsonFile';
import type { Session } from '../../session/session';
import type { GroupChange, GroupMemberInput } from './groupStoreOps';
import { groupFailure } from './groupFailure';

export type GroupServiceDeps = Readonly<{ events: EventHub; clock: Clock; logger: Logger }>;

/**
 * One session's groups: commands to the server with their errors made clear, and the local
 * copy (list, members, the user's standing) refreshed from the server after every change the
 * user makes or a notice reports, so the store and the events always follow the server.
 */
export function createGroupService(session: Session, deps: GroupServiceDeps) {
  const { events, clock, logger } = deps;
  const { store } = session;

  const emitChange = (change: GroupChange): void => {
    if (change.groups.length > 0) events.emit({ name: 'groups:changed', payload: { groups: change.groups } });
    session.emitConversations(change.conversations);
  };

  /** A group command; a refusal becomes the error the UI shows. */
  const call = async <N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandValue<N>> => {
    if (session.basic()) throw new IpcFailure('unavailable-in-basic-mode');
    try {
      return await session.commands.call(name, args);
    } catch (error) {
      throw groupFailure(error);
    }
  };

  /** The group as stored, or the clear error for a group unknown here. */
  const known = async (groupId: string): Promise<Group> => {
    const group = await store.getGroup(groupId);
    if (!group) throw new IpcFailure('group-not-found');
    return group;
  };

  /** A change needs a current membership in a group that still exists; said without a round trip. */
  const changeable = async (groupId: string): Promise<Group> => {
    const group = await known(groupId);
    if (group.state === 'left') throw new IpcFailure('not-a-group-member');
    if (group.state === 'dissolved') throw new IpcFailure('group-read-only');
    return group;
  };

  /**
   * Every refresh (its fetch and its save) runs alone, in request order: a refresh that began
   * before a change can never save its older answer over the one asked for after it.
   */
  const serial = createSerialQueue();

  const refreshList = (): Promise<void> =>
    serial(async () => {
      const { groups } = await call('group.list', {});
      emitChange(await store.saveGroupSummaries(groups, clock.now()));
      const listed = groups.map((g) => g.conversationId);
      emitChange(await store.markUnlistedGroupsLeft(listed, clock.now()));
    });

  /** Profiles of members this device has never seen, one HTTP call each (failures leave the id shown). */
  const profiles = async (
    ids: readonly string[],
  ): Promise<Map<string, { username: string; displayName: string }>> => {
    const found = new Map<string, { username: string; displayName: string }>();
    const api = session.api;
    if (api === null) return found;
    for (const id of ids) {
      try {
        const profile = await session.authed((token) => api.userById(token, id));
        found.set(id, { username: profile.username, displayName: profile.displayName });
      } catch (error) {
        logger.debug('groups.profile-failed', { error: errorText(error) });
      }
    }
    return found;
  };

  /** User ids for `userIds` plus the users named by `usernames` (looked up on the server). */
  const userIds = async (ids: readonly string[], usernames: readonly string[]): Promise<string[]> => {
    const found = [...ids];
    const api = session.api;
    if (usernames.length === 0) return [...new Set(found)];
    if (api === null) throw new IpcFailure('unavailable-in-basic-mode');
    for (const username of usernames) {
      try {
        found.push((await session.authed((token) => api.userByUsername(token, username))).userId);
      } catch (error) {
        if (error instanceof HttpStatusError && error.status === 404)
          throw new IpcFailure('user-not-found', `No user has the username "${username}".`);
        throw error;
      }
    }
    return [...new Set(found)];
  };

  const refreshMembers = (groupId: string): Promise<GroupMember[]> =>
    serial(async () => {
      const { members } = await call('group.members', { groupId });
      const stored = new Set((await store.groupMembers(groupId)).map((m) => m.userId));
      const missing = new Set(await store.membersWithoutProfile(groupId));
      const unknown = members.map((m) => m.userId).filter((id) => !stored.has(id) || missing.has(id));
      const found = await profiles(unknown);
      const input: GroupMemberInput[] = members.map((m) => ({
        userId: m.userId,
        role: m.role,
        nickname: m.nickname,
        username: found.get(m.userId)?.username ?? null,
        displayName: found.get(m.userId)?.displayName ?? null,
      }));
      const saved = await store.saveGroupMembers(groupId, input, clock.now());
      if (!saved) return [];
      events.emit({ name: 'groups:membersChanged', payload: { groupId, members: saved.members } });
      emitChange({ groups: [saved.group], conversations: [saved.conversation] });
      return saved.members;
    });

  /** The list and this group's members again, after a change the user made. */
  const refreshGroup = async (groupId: string): Promise<Group> => {
    await refreshList();
    const group = await known(groupId);
    if (group.state === 'member') await refreshMembers(groupId);
    return known(groupId);
  };

  /** Background refreshes: one at a time, later requests folded into the next run. */
  let running: Promise<void> | null = null;
  let wantList = false;
  const wantMembers = new Set<string>();
  const drain = async (): Promise<void> => {
    while (wantList || wantMembers.size > 0) {
      const list = wantList;
      const ids = [...wantMembers];
      wantList = false;
      wantMembers.clear();
      if (list) await refreshList();
      for (const groupId of ids) {
        const group = await store.getGroup(groupId);
        if (group?.state !== 'member') continue;
        await refreshMembers(groupId).catch((error: unknown) => {
          // The notice of the user's own exit can come before the event that records it.
          if (!(error instanceof IpcFailure && error.code === 'not-a-group-member')) throw error;
        });
      }
    }
  };
  const schedule = (list: boolean, groupId?: string): void => {
    wantList ||= list;
    if (groupId !== undefined) wantMembers.add(groupId);
    running ??= drain()
      .catch((error: unknown) => {
        const offline =
          error instanceof LinkDownError || (error instanceof IpcFailure && error.code === 'offline');
        if (!offline) logger.warn('groups.refresh-failed', { error: errorText(error) });
      })
      .finally(() => {
        running = null;
      });
  };

  return Object.freeze({
    call,
    userIds,
    known,
    changeable,
    refreshList,
    refreshMembers,
    refreshGroup,
    emitChange,
    /** Refreshes in the background (after a notice, a new group, a reconnect). */
    schedule,
    /** Resolves when no background refresh is running. */
    idle: async (): Promise<void> => {
      while (running) await running;
    },
    /** Creates the group; the conversation comes back at once. */
    async create(
      name: string,
      memberIds: readonly string[],
      usernames: readonly string[] = [],
    ): Promise<{ group: Group; conversation: Conversation }> {
      const members = await userIds(memberIds, usernames);
      const summary = await call('group.create', { name, memberIds: members });
      const change = await store.saveGroupSummaries([summary], clock.now());
      emitChange(change);
      const [group] = change.groups;
      const [conversation] = change.conversations;
      if (!group || !conversation) throw new IpcFailure('server-error');
      schedule(false, summary.groupId);
      return { group, conversation };
    },
  });
}

export type GroupService = ReturnType<typeof createGroupService>;
