import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TwoPane } from '../../app/TwoPane';
import { useNavigation } from '../../state/navigation';
import { useContacts } from '../contacts/useContacts';
import { GroupDetails } from '../details/GroupDetails';
import { CreateGroupForm } from './CreateGroupForm';
import { GroupList } from './GroupList';
import { useGroups } from './useGroups';
import '../contacts/contacts.css';
import './groups.css';

type Selection = Readonly<{ kind: 'group'; groupId: string }> | Readonly<{ kind: 'create' }>;

/** Groups: how many the user is in, creating one from friends, and each group's members and actions. */
export function GroupsView() {
  const { t } = useTranslation('groups');
  const { groups, error, apply } = useGroups({ refresh: true });
  const { contacts } = useContacts();
  const openConversation = useNavigation((s) => s.openConversation);
  const [selection, setSelection] = useState<Selection | null>(null);
  const selected =
    selection?.kind === 'group' ? groups.find((g) => g.groupId === selection.groupId) : undefined;

  let main;
  if (selection?.kind === 'create') main = <CreateGroupForm friends={contacts} />;
  else if (selected)
    main = (
      <div className="group-main">
        <button
          type="button"
          className="social-action primary"
          data-testid="group-open-chat"
          onClick={() => openConversation(selected.conversationId)}
        >
          {t('openChat')}
        </button>
        <GroupDetails key={selected.groupId} group={selected} friends={contacts} onChanged={apply} />
      </div>
    );
  else main = <p className="empty-hint pane-empty">{t('choose')}</p>;

  return (
    <TwoPane
      testId="groups-view"
      label={t('title')}
      list={
        <>
          {error ? (
            <p className="form-error" role="alert">
              {t('loadFailed')}
            </p>
          ) : null}
          <GroupList
            groups={groups}
            selectedId={selected?.groupId ?? null}
            creating={selection?.kind === 'create'}
            onSelect={(groupId) => setSelection({ kind: 'group', groupId })}
            onCreate={() => setSelection({ kind: 'create' })}
          />
        </>
      }
      main={<div className="contacts-main">{main}</div>}
    />
  );
}
