import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../shared/ipc/models';
import { Avatar } from '../../components/Avatar';
import { useChatStore } from '../../state/storeContext';

/** Where to forward a message: any conversation the user can write in. */
export function ForwardDialog({
  onPick,
  onClose,
}: Readonly<{ onPick: (c: Conversation) => void; onClose: () => void }>) {
  const { t } = useTranslation(['chats', 'common']);
  const conversations = useChatStore((s) => s.conversations);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const writable = conversations.filter(
    (c) => c.kind !== 'system' && (c.group === null || c.group.state === 'member'),
  );
  return createPortal(
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div
        className="modal forward-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('bubble.forwardTo')}
        data-testid="forward-dialog"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <h3>{t('bubble.forwardTo')}</h3>
        <ul className="forward-list">
          {writable.map((c, index) => (
            <li key={c.id}>
              <button
                ref={index === 0 ? first : undefined}
                type="button"
                onClick={() => onPick(c)}
                data-testid="forward-target"
              >
                <Avatar id={c.peer?.userId ?? c.id} name={c.title} size="small" />
                <span>{c.title}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {t('common:cancel')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
