import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/ipc/channels/contacts';
import { FriendPicker } from '../groups/FriendPicker';

export type GroupInviteProps = Readonly<{
  friends: readonly Contact[];
  memberIds: readonly string[];
  onInvite(userIds: string[]): Promise<boolean>;
}>;

/** Invites friends who are not in the group yet. */
export function GroupInvite({ friends, memberIds, onInvite }: GroupInviteProps) {
  const { t } = useTranslation('details');
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const exclude = useMemo(() => new Set(memberIds), [memberIds]);

  if (!open)
    return (
      <button
        type="button"
        className="social-action"
        data-testid="group-invite"
        onClick={() => setOpen(true)}
      >
        {t('group.invite')}
      </button>
    );
  return (
    <form
      className="details-form"
      data-testid="group-invite-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (picked.size === 0) return;
        setBusy(true);
        void onInvite([...picked]).then((done) => {
          setBusy(false);
          if (done) {
            setPicked(new Set());
            setOpen(false);
          }
        });
      }}
    >
      <FriendPicker friends={friends} exclude={exclude} picked={picked} onChange={setPicked} />
      <span className="details-form-buttons">
        <button
          type="submit"
          className="social-action primary"
          data-testid="group-invite-submit"
          disabled={busy || picked.size === 0}
        >
          {t('group.inviteSelected', { count: picked.size })}
        </button>
        <button type="button" className="social-action" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </span>
    </form>
  );
}
