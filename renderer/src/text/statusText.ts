import type { MessageStatus } from '../../../shared/ipc/models';

export type StatusLook = Readonly<{ label: string; icon: string }>;

/** What an outgoing message's delivery status looks like; the label is also its accessible name. */
export const statusLooks: Readonly<Record<Exclude<MessageStatus, 'received'>, StatusLook>> = {
  sending: { label: 'Sending', icon: '🕓' },
  sent: { label: 'Sent', icon: '✓' },
  read: { label: 'Read', icon: '✓✓' },
  failed: { label: 'Not sent', icon: '⚠' },
};
