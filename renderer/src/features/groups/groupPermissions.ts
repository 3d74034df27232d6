import type { GroupState } from '../../../../shared/ipc/channels/groups';
import type { GroupRole } from '../../../../shared/ipc/models';

export type GroupPermissions = Readonly<{
  /** Still a member: the group can be written to and changed at all. */
  active: boolean;
  canInvite: boolean;
  canRename: boolean;
  canEditNotice: boolean;
  canSetNickname: boolean;
  canQuit: boolean;
  canDissolve: boolean;
  canSetAdmin: boolean;
  canTransfer: boolean;
  canKick(target: GroupRole): boolean;
}>;

/**
 * What the user may do in a group, mirroring the server's rules (server/services/groupService.ts):
 * any member invites; owner and admins rename and edit the notice; the owner kicks anyone, an
 * admin plain members only; the owner cannot quit (transfer or dissolve first). A user who left
 * (kicked or quit) or whose group was dissolved may do nothing: the group is read-only.
 */
export function groupPermissions(role: GroupRole | null, state: GroupState): GroupPermissions {
  const active = state === 'member' && role !== null;
  const owner = active && role === 'owner';
  const manager = active && (role === 'owner' || role === 'admin');
  return {
    active,
    canInvite: active,
    canRename: manager,
    canEditNotice: manager,
    canSetNickname: active,
    canQuit: active && role !== 'owner',
    canDissolve: owner,
    canSetAdmin: owner,
    canTransfer: owner,
    canKick: (target) => target !== 'owner' && (owner || (manager && target === 'member')),
  };
}
