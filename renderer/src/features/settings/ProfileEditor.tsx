import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnProfile, ProfileChanges } from '../../../../shared/ipc/channels/profile';
import { useApi } from '../../api/apiContext';
import { useErrorText } from '../../i18n/errorText';
import { useChatStore, useChatStoreApi } from '../../state/storeContext';

const NAME_MAX = 64;
const SIGNATURE_MAX = 200;

/** Display name and signature, saved on the server; the signed-in account takes the new name. */
export function ProfileEditor() {
  const { t } = useTranslation('settings');
  const api = useApi();
  const errorText = useErrorText();
  const store = useChatStoreApi();
  const userId = useChatStore((s) => s.account?.userId ?? null);
  const [profile, setProfile] = useState<OwnProfile | null>(null);
  const [name, setName] = useState('');
  const [signature, setSignature] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let current = true;
    const show = (next: OwnProfile): void => {
      if (!current) return;
      setProfile(next);
      setName(next.displayName);
      setSignature(next.signature);
      // Other views read the account's name from the store.
      const account = store.getState().account;
      if (account && account.userId === next.userId && account.displayName !== next.displayName)
        store.setState({ account: { ...account, displayName: next.displayName } });
    };
    void api.profile.get({}).then((result) => {
      if (result.ok) show(result.value);
    });
    const off = api.profile.onChanged(({ profile: next }) => show(next));
    return () => {
      current = false;
      off();
    };
  }, [api, store, userId]);

  if (!profile) return null;

  const changes: ProfileChanges = {};
  if (name.trim() !== profile.displayName) changes.displayName = name.trim();
  if (signature !== profile.signature) changes.signature = signature;
  const changed = changes.displayName !== undefined || changes.signature !== undefined;
  const valid = name.trim().length > 0;

  const save = (event: FormEvent): void => {
    event.preventDefault();
    if (!changed || !valid || saving) return;
    setSaving(true);
    void api.profile.update(changes).then((result) => {
      setSaving(false);
      // On success the profile:changed event shows the saved profile.
      if (result.ok) store.getState().toast(t('profile.saved'), 'info');
      else store.getState().toast(errorText(result.error));
    });
  };

  return (
    <form className="profile-editor" onSubmit={save} aria-label={t('profile.title')}>
      <label>
        <span>{t('profile.displayName')}</span>
        <input
          data-testid="profile-display-name"
          value={name}
          maxLength={NAME_MAX}
          required
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label>
        <span>{t('profile.signature')}</span>
        <textarea
          data-testid="profile-signature"
          value={signature}
          maxLength={SIGNATURE_MAX}
          rows={2}
          placeholder={t('profile.signaturePlaceholder')}
          onChange={(e) => setSignature(e.target.value)}
        />
      </label>
      {valid ? null : (
        <div className="hint" role="alert">
          {t('profile.nameRequired')}
        </div>
      )}
      <button type="submit" data-testid="profile-save" disabled={!changed || !valid || saving}>
        {saving ? t('profile.saving') : t('profile.save')}
      </button>
    </form>
  );
}
