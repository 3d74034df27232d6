import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ConfirmButtonProps = Readonly<{
  /** What the first click shows. */
  children: ReactNode;
  /** The question asked before acting, e.g. "Delete Bob from your contacts?". */
  question: string;
  /** The label of the button that acts. */
  confirmLabel: string;
  onConfirm(): unknown;
  testId?: string;
  disabled?: boolean;
}>;

/**
 * A destructive action in two steps, inline: the first click asks, the second acts. No
 * window.confirm: it blocks the page and cannot be styled or translated.
 */
export function ConfirmButton({
  children,
  question,
  confirmLabel,
  onConfirm,
  testId,
  disabled,
}: ConfirmButtonProps) {
  const { t } = useTranslation('common');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        className="social-action danger"
        data-testid={testId}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {children}
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className="social-action danger"
        data-testid={testId ? `${testId}-confirm` : undefined}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void Promise.resolve(onConfirm()).finally(() => {
            setBusy(false);
            setAsking(false);
          });
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="social-action" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}
