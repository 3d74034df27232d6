import { useTranslation } from 'react-i18next';
import type { GroupMember } from '../../../../shared/ipc/channels/groups';
import { ConfirmButton } from '../contacts/ConfirmButton';
import { Avatar } from '../contacts/PresenceDot';
import type { GroupPermissions } from '../groups/groupPermissions';

export type GroupMemberListProps = Readonly<{
  members: readonly GroupMember[];
  me: string | null;
  permissions: GroupPermissions;
  onKick(userId: string): Promise<boolean>;
  onSetAdmin(userId: string, admin: boolean): Promise<boolean>;
  onTransfer(userId: string): Promise<boolean>;
}>;

export const memberName = (m: Pick<GroupMember, 'nickname' | 'displayName'>) => m.nickname || m.displayName;

/** Members with their roles, and the actions the user's own role allows on each. */
export function GroupMemberList({
  members,
  me,
  permissions,
  onKick,
  onSetAdmin,
  onTransfer,
}: GroupMemberListProps) {
  const { t } = useTranslation('details');
  return (
    <ul className="member-list" data-testid="group-members">
      {members.map((member) => {
        const name = memberName(member);
        const self = member.userId === me;
        return (
          <li
            key={member.userId}
            className="member-item"
            data-testid="group-member"
            data-user-id={member.userId}
            data-role={member.role}
          >
            <Avatar name={name} />
            <span className="member-text">
              <span className="member-name">
                {name}
                {self ? <span className="social-muted"> {t('group.you')}</span> : null}
              </span>
              <span className="social-muted">
                @{member.username}
                {member.nickname ? ` · ${member.displayName}` : ''}
              </span>
            </span>
            {member.role !== 'member' ? (
              <span className={`role-badge ${member.role}`} data-testid="member-role">
                {t(`roles.${member.role}`)}
              </span>
            ) : null}
            {!self && permissions.active ? (
              <span className="member-actions">
                {permissions.canSetAdmin && member.role !== 'owner' ? (
                  <button
                    type="button"
                    className="social-action"
                    data-testid="member-set-admin"
                    aria-label={t(member.role === 'admin' ? 'group.removeAdminOf' : 'group.makeAdminOf', {
                      name,
                    })}
                    onClick={() => void onSetAdmin(member.userId, member.role !== 'admin')}
                  >
                    {t(member.role === 'admin' ? 'group.removeAdmin' : 'group.makeAdmin')}
                  </button>
                ) : null}
                {permissions.canTransfer ? (
                  <ConfirmButton
                    testId="member-transfer"
                    question={t('group.transferQuestion', { name })}
                    confirmLabel={t('group.transfer')}
                    onConfirm={() => onTransfer(member.userId)}
                  >
                    {t('group.transfer')}
                  </ConfirmButton>
                ) : null}
                {permissions.canKick(member.role) ? (
                  <ConfirmButton
                    testId="member-kick"
                    question={t('group.kickQuestion', { name })}
                    confirmLabel={t('group.kick')}
                    onConfirm={() => onKick(member.userId)}
                  >
                    {t('group.kick')}
                  </ConfirmButton>
                ) : null}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
