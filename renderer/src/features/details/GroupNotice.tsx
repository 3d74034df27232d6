import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type GroupNoticeProps = Readonly<{
  notice: string;
  editable: boolean;
  onSave(notice: string): Promise<boolean>;
}>;

/** The group's announcement; owners and admins can edit it (an empty one clears it). */
export function GroupNotice({ notice, editable, onSave }: GroupNoticeProps) {
  const { t } = useTranslation('details');
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <section className="details-section" aria-labelledby="group-notice-heading">
      <div className="details-section-head">
        <h3 id="group-notice-heading">{t('group.notice')}</h3>
        {editable && draft === null ? (
          <button
            type="button"
            className="social-action"
            data-testid="group-notice-edit"
            onClick={() => setDraft(notice)}
          >
            {t('group.editNotice')}
          </button>
        ) : null}
      </div>
      {draft === null ? (
        <p className={notice ? 'group-notice' : 'social-muted'} data-testid="group-notice">
          {notice || t('group.noNotice')}
        </p>
      ) : (
        <form
          className="details-form"
          onSubmit={(event) => {
            event.preventDefault();
            setBusy(true);
            void onSave(draft).then((saved) => {
              setBusy(false);
              if (saved) setDraft(null);
            });
          }}
        >
          <textarea
            data-testid="group-notice-input"
            aria-label={t('group.notice')}
            value={draft}
            rows={4}
            maxLength={2000}
            onChange={(e) => setDraft(e.target.value)}
          />
          <span className="details-form-buttons">
            <button
              type="submit"
              className="social-action primary"
              data-testid="group-notice-save"
              disabled={busy}
            >
              {t('save')}
            </button>
            <button type="button" className="social-action" onClick={() => setDraft(null)}>
              {t('cancel')}
            </button>
          </span>
        </form>
      )}
    </section>
  );
}
