import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/ipc/channels/contacts';
import { contactName } from '../contacts/useContacts';

export type FriendPickerProps = Readonly<{
  friends: readonly Contact[];
  /** User ids that cannot be picked (already members). */
  exclude?: ReadonlySet<string>;
  picked: ReadonlySet<string>;
  onChange(picked: ReadonlySet<string>): void;
}>;

/** Checkboxes over the user's friends, with a filter; used to create a group and to invite. */
export function FriendPicker({ friends, exclude, picked, onChange }: FriendPickerProps) {
  const { t } = useTranslation('groups');
  const [query, setQuery] = useState('');
  const candidates = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return friends.filter(
      (f) =>
        f.relation === 'friend' &&
        !f.blocked &&
        !exclude?.has(f.userId) &&
        (q === '' || [f.remark, f.displayName, f.username].some((s) => s.toLocaleLowerCase().includes(q))),
    );
  }, [friends, exclude, query]);

  const toggle = (userId: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(userId);
    else next.delete(userId);
    onChange(next);
  };

  return (
    <fieldset className="friend-picker" data-testid="friend-picker">
      <legend>{t('picker.legend', { count: picked.size })}</legend>
      <input
        type="search"
        className="friend-picker-filter"
        aria-label={t('picker.filter')}
        placeholder={t('picker.filter')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {candidates.length === 0 ? (
        <p className="social-muted">{t('picker.none')}</p>
      ) : (
        <ul className="friend-picker-list">
          {candidates.map((friend) => (
            <li key={friend.userId}>
              <label>
                <input
                  type="checkbox"
                  data-testid="friend-picker-option"
                  data-user-id={friend.userId}
                  checked={picked.has(friend.userId)}
                  onChange={(e) => toggle(friend.userId, e.target.checked)}
                />
                <span>{contactName(friend)}</span>
                <span className="social-muted">@{friend.username}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
