import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/ipc/channels/contacts';
import type { Group } from '../../../../shared/ipc/channels/groups';
import { useApi } from '../../api/apiContext';
import { useErrorText } from '../../i18n/errorText';
import { useChatStore } from '../../state/storeContext';
import { ConfirmButton } from '../contacts/ConfirmButton';
import { groupPermissions } from '../groups/groupPermissions';
import { GroupInvite } from './GroupInvite';
import { GroupMemberList } from './GroupMemberList';
import { GroupNotice } from './GroupNotice';
import { InlineTextForm } from './InlineTextForm';
import { useGroupAction } from './useGroupAction';
import { useGroupMembers } from './useGroupMembers';
import '../contacts/contacts.css';
import './details.css';

export type GroupDetailsProps = Readonly<{
  group: Group;
  friends: readonly Contact[];
  /** The group as an action answered with it (the engine's event may come later). */
  onChanged?(group: Group): void;
}>;

/**
 * A group: name, notice, members with roles, and what the user's role allows — rename, notice,
 * invite, kick, admins, transfer, quit, dissolve. After leaving (kicked or quit) or once
 * dissolved it is read-only: history stays readable, nothing can be done.
 */
export function GroupDetails({ group, friends, onChanged }: GroupDetailsProps) {
  const { t } = useTranslation('details');
  const api = useApi();
  const errorText = useErrorText();
  const me = useChatStore((s) => s.account?.userId ?? null);
  const permissions = groupPermissions(group.myRole, group.state);
  const { members, error, reload } = useGroupMembers(group.groupId);
  const run = useGroupAction(onChanged);
  const { groupId } = group;
  const changingMembers = async (action: ReturnType<typeof api.groups.kick>) => {
    const done = await run(action);
    if (done) reload();
    return done;
  };

  return (
    <div
      className="group-details"
      data-testid="group-details"
      data-state={group.state}
      data-role={group.myRole ?? ''}
    >
      <header className="details-head">
        <h2 data-testid="group-details-name">{group.name}</h2>
        <p className="social-muted">{t('group.memberCount', { count: group.memberCount })}</p>
        {group.myRole ? (
          <p className="social-muted">{t('group.yourRole', { role: t(`roles.${group.myRole}`) })}</p>
        ) : null}
      </header>

      {!permissions.active ? (
        <p className="read-only-note" role="note" data-testid="group-read-only">
          {t(group.state === 'dissolved' ? 'group.dissolvedNote' : 'group.leftNote')}
        </p>
      ) : null}

      {permissions.canRename ? (
        <InlineTextForm
          label={t('group.name')}
          value={group.name}
          maxLength={100}
          allowEmpty={false}
          testId="group-rename"
          onSave={(name) => run(api.groups.rename({ groupId, name }))}
        />
      ) : null}

      <GroupNotice
        notice={group.notice}
        editable={permissions.canEditNotice}
        onSave={(notice) => run(api.groups.setNotice({ groupId, notice }))}
      />

      {permissions.canSetNickname ? (
        <InlineTextForm
          label={t('group.myNickname')}
          value={group.myNickname}
          maxLength={64}
          allowEmpty
          testId="group-nickname"
          onSave={(nickname) => changingMembers(api.groups.setNickname({ groupId, nickname }))}
        />
      ) : null}

      {/* After leaving, the server no longer tells who is in; an empty list would only confuse. */}
      {permissions.active || members.length > 0 ? (
        <section className="details-section" aria-labelledby="group-members-heading">
          <div className="details-section-head">
            <h3 id="group-members-heading">{t('group.members')}</h3>
            {permissions.canInvite ? (
              <GroupInvite
                friends={friends}
                memberIds={members.map((m) => m.userId)}
                onInvite={(userIds) => changingMembers(api.groups.invite({ groupId, userIds }))}
              />
            ) : null}
          </div>
          {error && permissions.active ? (
            <p className="form-error" role="alert">
              {errorText(error)}
            </p>
          ) : null}
          <GroupMemberList
            members={members}
            me={me}
            permissions={permissions}
            onKick={(userId) => changingMembers(api.groups.kick({ groupId, userId }))}
            onSetAdmin={(userId, admin) => changingMembers(api.groups.setAdmin({ groupId, userId, admin }))}
            onTransfer={(userId) => changingMembers(api.groups.transfer({ groupId, userId }))}
          />
        </section>
      ) : null}

      {permissions.canQuit || permissions.canDissolve ? (
        <div className="contact-actions">
          {permissions.canQuit ? (
            <ConfirmButton
              testId="group-quit"
              question={t('group.quitQuestion', { name: group.name })}
              confirmLabel={t('group.quit')}
              onConfirm={() => run(api.groups.quit({ groupId }))}
            >
              {t('group.quit')}
            </ConfirmButton>
          ) : null}
          {permissions.canDissolve ? (
            <ConfirmButton
              testId="group-dissolve"
              question={t('group.dissolveQuestion', { name: group.name })}
              confirmLabel={t('group.dissolve')}
              onConfirm={() => run(api.groups.dissolve({ groupId }))}
            >
              {t('group.dissolve')}
            </ConfirmButton>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
