import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type InlineTextFormProps = Readonly<{
  label: string;
  value: string;
  maxLength: number;
  /** An empty value is allowed (it clears). */
  allowEmpty: boolean;
  testId: string;
  onSave(value: string): Promise<boolean>;
}>;

/** One text field with Save, for a group's name or the user's nickname in it. */
export function InlineTextForm({ label, value, maxLength, allowEmpty, testId, onSave }: InlineTextFormProps) {
  const { t } = useTranslation('details');
  const [draft, setDraft] = useState(value);
  const [busy, setBusy] = useState(false);
  // A change made elsewhere (another device, another admin) replaces what is shown.
  useEffect(() => setDraft(value), [value]);
  const trimmed = draft.trim();
  const canSave = !busy && trimmed !== value && (allowEmpty || trimmed !== '');
  return (
    <form
      className="details-inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!canSave) return;
        setBusy(true);
        void onSave(trimmed).finally(() => setBusy(false));
      }}
    >
      <label>
        <span>{label}</span>
        <input
          data-testid={`${testId}-input`}
          value={draft}
          maxLength={maxLength}
          onChange={(e) => setDraft(e.target.value)}
        />
      </label>
      <button type="submit" className="social-action" data-testid={`${testId}-save`} disabled={!canSave}>
        {t('save')}
      </button>
    </form>
  );
}
