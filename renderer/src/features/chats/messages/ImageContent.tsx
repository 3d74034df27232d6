import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../../shared/ipc/models';
import { useApi } from '../../../api/apiContext';
import { TransferBar } from './TransferBar';
import { useTransfer } from './useTransfer';

const MAX_THUMB = 240;

/** The thumbnail box keeps the image's aspect ratio before it loads, so rows do not jump. */
function thumbSize(message: Message): { width: number; height: number } {
  const w = typeof message.body.width === 'number' ? message.body.width : MAX_THUMB;
  const h = typeof message.body.height === 'number' ? message.body.height : MAX_THUMB * 0.75;
  const scale = Math.min(1, MAX_THUMB / Math.max(w, h));
  return { width: Math.max(40, Math.round(w * scale)), height: Math.max(40, Math.round(h * scale)) };
}

function Lightbox({ src, alt, onClose }: Readonly<{ src: string; alt: string; onClose: () => void }>) {
  const { t } = useTranslation('chats');
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return createPortal(
    <div
      className="modal-backdrop lightbox"
      role="dialog"
      aria-modal="true"
      aria-label={alt}
      onMouseDown={onClose}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
      data-testid="lightbox"
    >
      <img src={src} alt={alt} className="lightbox-image" />
      <button
        ref={close}
        type="button"
        className="lightbox-close"
        onClick={onClose}
        aria-label={t('bubble.closeImage')}
      >
        ×
      </button>
    </div>,
    document.body,
  );
}

/** An image: its cached thumbnail (downloaded on first view), larger on click. */
export function ImageContent({ message }: Readonly<{ message: Message }>) {
  const api = useApi();
  const { t } = useTranslation('chats');
  const local = useTransfer(message.id);
  const [large, setLarge] = useState(false);
  const asked = useRef(false);
  const size = thumbSize(message);
  const name = typeof message.body.name === 'string' ? message.body.name : t('bubble.image');

  // An incoming image is fetched the first time it is shown; the engine caches it afterwards.
  useEffect(() => {
    if (asked.current || local.thumbnailDataUrl || local.transfer || message.recalled) return;
    if (message.outgoing && message.status === 'sending') return;
    asked.current = true;
    void api.files.download({ messageId: message.id }).then((result) => {
      if (result.ok && result.value.state === 'done') local.refresh();
    });
  }, [api, message, local]);

  return (
    <div className="image-content" data-testid="image-content">
      {local.thumbnailDataUrl ? (
        <button
          type="button"
          className="image-button"
          onClick={() => setLarge(true)}
          aria-label={t('bubble.openImage')}
        >
          <img
            src={local.thumbnailDataUrl}
            alt={name}
            width={size.width}
            height={size.height}
            className="image-thumb"
          />
        </button>
      ) : (
        <div
          className="image-placeholder"
          style={{ width: size.width, height: size.height }}
          aria-label={t('bubble.imageLoading')}
          role="img"
        />
      )}
      <TransferBar transfer={local.transfer} />
      {large && local.thumbnailDataUrl ? (
        <Lightbox src={local.thumbnailDataUrl} alt={name} onClose={() => setLarge(false)} />
      ) : null}
    </div>
  );
}
