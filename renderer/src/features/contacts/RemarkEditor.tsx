import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type RemarkEditorProps = Readonly<{
  remark: string;
  onSave(remark: string): Promise<unknown>;
}>;

/** The user's own name for a contact; Enter or Save stores it, an empty one clears it. */
export function RemarkEditor({ remark, onSave }: RemarkEditorProps) {
  const { t } = useTranslation('contacts');
  const [value, setValue] = useState(remark);
  const [busy, setBusy] = useState(false);
  // Another device (or the engine) may change it while this is shown.
  useEffect(() => setValue(remark), [remark]);
  const changed = value.trim() !== remark;
  return (
    <form
      className="remark-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (!changed || busy) return;
        setBusy(true);
        void onSave(value.trim()).finally(() => setBusy(false));
      }}
    >
      <label>
        <span>{t('profile.remark')}</span>
        <input
          data-testid="contact-remark-input"
          value={value}
          maxLength={64}
          placeholder={t('profile.remarkPlaceholder')}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button
        type="submit"
        className="social-action"
        data-testid="contact-remark-save"
        disabled={!changed || busy}
      >
        {t('profile.saveRemark')}
      </button>
    </form>
  );
}
