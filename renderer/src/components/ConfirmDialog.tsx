import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

export type ConfirmDialogProps = Readonly<{
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}>;

/** A small modal question; Escape or Cancel says no. Focus starts on Cancel, the safe answer. */
export function ConfirmDialog({ text, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation('common');
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return createPortal(
    <div className="modal-backdrop" onMouseDown={onCancel}>
      <div
        className="modal confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-label={text}
        data-testid="confirm-dialog"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onCancel();
          }
        }}
      >
        <p>{text}</p>
        <div className="modal-actions">
          <button ref={cancel} type="button" onClick={onCancel} data-testid="confirm-cancel">
            {t('cancel')}
          </button>
          <button type="button" className="primary danger" onClick={onConfirm} data-testid="confirm-ok">
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
