import { Notification } from 'electron';
import type { NotificationContent } from './messageNotifier';

/**
 * Shows native notifications, one per conversation at a time (a newer message replaces the
 * older notification instead of stacking). The objects are kept referenced until they close:
 * a notification collected by the garbage collector loses its click handler (Windows).
 * https://www.electronjs.org/docs/latest/tutorial/notifications
 */
export function createNativeNotifications(): (
  conversationId: string,
  content: NotificationContent,
  onClick: () => void,
) => void {
  const open = new Map<string, Notification>();
  return (conversationId, { title, body, silent }, onClick) => {
    if (!Notification.isSupported()) return;
    open.get(conversationId)?.close();
    const notification = new Notification({ title, body, silent });
    const forget = (): void => {
      if (open.get(conversationId) === notification) open.delete(conversationId);
    };
    notification.on('click', () => {
      forget();
      onClick();
    });
    notification.on('close', forget);
    open.set(conversationId, notification);
    notification.show();
  };
}
