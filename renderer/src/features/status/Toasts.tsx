import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Toast } from '../../state/chatStore';
import { useChatStore } from '../../state/storeContext';

const TOAST_MS = 6000;

function ToastItem({
  toast,
  lifetimeMs,
  onDismiss,
}: Readonly<{ toast: Toast; lifetimeMs: number; onDismiss: (id: number) => void }>) {
  const { t } = useTranslation('status');
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(toast.id), lifetimeMs);
    return () => clearTimeout(timer);
  }, [toast.id, lifetimeMs, onDismiss]);
  return (
    <div
      className={`toast tone-${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      data-testid="toast"
    >
      <span>{toast.text}</span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('toast.dismiss')}
        onClick={() => onDismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

/** Short messages at the bottom; each goes away by itself after a while, or when dismissed. */
export function Toasts({ lifetimeMs = TOAST_MS }: Readonly<{ lifetimeMs?: number }>) {
  const toasts = useChatStore((s) => s.toasts);
  const dismiss = useChatStore((s) => s.dismissToast);
  return (
    <div className="toasts" aria-live="polite" data-testid="toasts">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} lifetimeMs={lifetimeMs} onDismiss={dismiss} />
      ))}
    </div>
  );
}
