import type { MessageStatus as Status } from '../../../shared/ipc/models';
import { statusLooks } from '../text/statusText';

/** The tick on an outgoing bubble; `role="img"` so screen readers read its label, not the glyph. */
export function MessageStatus({ status }: Readonly<{ status: Status }>) {
  if (status === 'received') return null;
  const look = statusLooks[status];
  return (
    <span
      className={`message-status status-${status}`}
      role="img"
      aria-label={look.label}
      title={look.label}
      data-testid="message-status"
    >
      {look.icon}
      {status === 'failed' ? <span className="status-text"> {look.label}</span> : null}
    </span>
  );
}
