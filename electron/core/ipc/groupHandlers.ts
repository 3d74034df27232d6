import { IpcFailure } from '../../../shared/ipc';
import type { Group } from '../../../shared/ipc/channels/groups';
import { createGroupContext, type GroupContext } from '../social/groups/groupContext';
import type { GroupService } from '../social/groups/groupService';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

/**
 * Group channels. Every change goes to the server first (which enforces the roles), then the
 * local copy is refreshed from it, so the answer is the group as it now stands.
 */
export function createGroupHandlers(
  ctx: HandlerContext,
  context: GroupContext = createGroupContext(ctx),
): DomainHandlers<'groups'> {
  /** A change by a current member: checked here for a clear error, enforced by the server. */
  const change = async (groupId: string, run: (groups: GroupService) => Promise<unknown>): Promise<Group> => {
    const { groups } = await context.require();
    await groups.changeable(groupId);
    await run(groups);
    return groups.refreshGroup(groupId);
  };

  return {
    'groups:list': async ({ refresh }) => {
      const { session, groups } = await context.require();
      if (refresh && session.synced()) await groups.refreshList();
      return session.store.listGroups();
    },
    'groups:create': async ({ name, memberIds, usernames }) =>
      (await context.require()).groups.create(name, memberIds, usernames),
    'groups:invite': ({ groupId, userIds, usernames }) =>
      change(groupId, async (g) =>
        g.call('group.invite', { groupId, userIds: await g.userIds(userIds, usernames) }),
      ),
    'groups:kick': ({ groupId, userId }) => change(groupId, (g) => g.call('group.kick', { groupId, userId })),
    'groups:rename': ({ groupId, name }) => change(groupId, (g) => g.call('group.rename', { groupId, name })),
    'groups:setNotice': ({ groupId, notice }) =>
      change(groupId, (g) => g.call('group.setNotice', { groupId, notice })),
    'groups:transfer': ({ groupId, userId }) =>
      change(groupId, (g) => g.call('group.transfer', { groupId, userId })),
    'groups:setAdmin': ({ groupId, userId, admin }) =>
      change(groupId, (g) => g.call('group.setAdmin', { groupId, userId, admin })),
    'groups:setNickname': ({ groupId, nickname }) =>
      change(groupId, (g) => g.call('group.setNickname', { groupId, nickname })),
    'groups:quit': async ({ groupId }) => {
      const { session, groups } = await context.require();
      await groups.changeable(groupId);
      await groups.call('group.quit', { groupId });
      groups.emitChange(await session.store.markGroupLeft(groupId, ctx.deps.clock.now()));
      return groups.known(groupId);
    },
    'groups:dissolve': async ({ groupId }) => {
      const { session, groups } = await context.require();
      await groups.changeable(groupId);
      await groups.call('group.dissolve', { groupId });
      groups.emitChange(await session.store.markGroupDissolved(groupId, ctx.deps.clock.now()));
      return groups.known(groupId);
    },
    /** Fresh from the server while a member; the last list known here when offline or dissolved. */
    'groups:members': async ({ groupId }) => {
      const { session, groups } = await context.require();
      const group = await groups.known(groupId);
      if (group.state === 'left') throw new IpcFailure('not-a-group-member');
      if (group.state === 'member' && session.synced()) return groups.refreshMembers(groupId);
      return session.store.groupMembers(groupId);
    },
    'groups:readCount': async ({ conversationId, seq }) => {
      const { groups } = await context.require();
      if (!conversationId.startsWith('g:')) throw new IpcFailure('group-not-found');
      const groupId = conversationId.slice(2);
      const group = await groups.known(groupId);
      if (group.state === 'left') throw new IpcFailure('not-a-group-member');
      return groups.call('group.readCount', { groupId, seq });
    },
  };
}
