import type { Settings } from '../../../shared/ipc';
import type { ConversationChange } from '../unread/conversationTracker';
import { decideNotification } from './notificationDecision';
import { minuteOfDay } from './quietHours';

export type NotificationContent = Readonly<{ title: string; body: string; silent: boolean }>;

export type MessageNotifierDeps = Readonly<{
  settings: () => Settings;
  isWindowFocused: () => boolean;
  now: () => number;
  /** Shows one notification for a conversation, replacing an older one of the same conversation. */
  show: (conversationId: string, content: NotificationContent, onClick: () => void) => void;
  /** What a click does: bring the window up on that conversation. */
  openConversation: (conversationId: string) => void;
}>;

/** Turns conversation changes into native notifications, by `decideNotification`'s rules. */
export function createMessageNotifier(
  deps: MessageNotifierDeps,
): (changes: readonly ConversationChange[]) => void {
  return (changes) => {
    if (changes.length === 0) return;
    const now = deps.now();
    const settings = deps.settings();
    const focused = deps.isWindowFocused();
    for (const { previous, current } of changes) {
      const decision = decideNotification({
        previous,
        current,
        windowFocused: focused,
        settings,
        now,
        minuteOfDay: minuteOfDay(new Date(now)),
      });
      if (!decision.show) continue;
      const { conversationId, title, body, silent } = decision;
      deps.show(conversationId, { title, body, silent }, () => deps.openConversation(conversationId));
    }
  };
}
