import { useTranslation } from 'react-i18next';
import type { Group } from '../../../../shared/ipc/channels/groups';
import { arrowFocus } from '../contacts/arrowFocus';
import { Avatar } from '../contacts/PresenceDot';

export type GroupListProps = Readonly<{
  groups: readonly Group[];
  selectedId: string | null;
  creating: boolean;
  onSelect(groupId: string): void;
  onCreate(): void;
}>;

/** The groups list pane: how many groups the user is in, "new group", then current and former groups. */
export function GroupList({ groups, selectedId, creating, onSelect, onCreate }: GroupListProps) {
  const { t } = useTranslation('groups');
  const current = groups.filter((g) => g.state === 'member');
  const former = groups.filter((g) => g.state !== 'member');

  const row = (group: Group) => (
    <li key={group.groupId}>
      <button
        type="button"
        className={`contact-item${selectedId === group.groupId ? ' selected' : ''}`}
        data-group-item=""
        data-testid="group-item"
        data-group-id={group.groupId}
        data-state={group.state}
        aria-current={selectedId === group.groupId ? 'true' : undefined}
        onClick={() => onSelect(group.groupId)}
      >
        <Avatar name={group.name} />
        <span className="contact-item-text">
          <span className="contact-item-name">{group.name}</span>
          <span className="contact-item-sub">
            {group.state === 'member'
              ? t('memberCount', { count: group.memberCount })
              : t(group.state === 'left' ? 'state.left' : 'state.dissolved')}
          </span>
        </span>
      </button>
    </li>
  );

  return (
    <div className="contact-list" onKeyDown={arrowFocus('[data-group-item]')}>
      <header className="contacts-header">
        <div>
          <h2>{t('title')}</h2>
          <p className="social-muted groups-count" data-testid="groups-count" data-count={current.length}>
            {t('count', { count: current.length })}
          </p>
        </div>
        <button
          type="button"
          className="social-action"
          data-testid="groups-create"
          data-group-item=""
          aria-pressed={creating}
          onClick={onCreate}
        >
          {t('create.open')}
        </button>
      </header>
      <div className="contact-scroll">
        {current.length === 0 ? (
          <p className="social-muted contact-empty">{t('none')}</p>
        ) : (
          <ul className="contact-items" data-testid="group-list">
            {current.map(row)}
          </ul>
        )}
        {former.length > 0 ? (
          <>
            <h3 className="contact-section">{t('former')}</h3>
            <ul className="contact-items" data-testid="former-group-list">
              {former.map(row)}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
