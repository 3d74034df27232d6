import type { Settings } from '../../../shared/ipc';
import { shellText } from '../shellText';
import { isQuietTime } from './quietHours';

/** What the shell knows of a conversation, from the engine's `conversations:changed` events. */
export type ConversationSnapshot = Readonly<{
  id: string;
  title: string;
  muted: boolean;
  unread: number;
  lastMessage: Readonly<{ preview: string; sentAt: number; outgoing: boolean }> | null;
}>;

export type NotificationInput = Readonly<{
  /** The conversation as it was before this change; undefined when the shell had not seen it. */
  previous: ConversationSnapshot | undefined;
  current: ConversationSnapshot;
  windowFocused: boolean;
  settings: Pick<Settings, 'notifications' | 'doNotDisturb'>;
  now: number;
  /** Local minutes after midnight at `now`. */
  minuteOfDay: number;
}>;

export type SkipReason = 'nothing-new' | 'stale' | 'focused' | 'disabled' | 'muted' | 'quiet-hours';

export type NotificationDecision =
  | Readonly<{ show: false; reason: SkipReason }>
  | Readonly<{ show: true; conversationId: string; title: string; body: string; silent: boolean }>;

/**
 * Older news is not news: a message that reaches us this late (synced after a night offline,
 * history after signing in) is counted in the badge, not announced.
 */
export const STALE_AFTER_MS = 10 * 60_000;

/**
 * Whether a change to a conversation deserves a notification, and what it says. New means the
 * unread count went up and the last message is someone else's. The person is looking already
 * when the window has focus; otherwise notifications off, a muted conversation and
 * do-not-disturb hours each keep it silent. Without preview, the notification reveals neither
 * the sender nor the text.
 */
export function decideNotification({
  previous,
  current,
  windowFocused,
  settings,
  now,
  minuteOfDay,
}: NotificationInput): NotificationDecision {
  const added = current.unread - (previous?.unread ?? 0);
  const last = current.lastMessage;
  if (added <= 0 || last === null || last.outgoing) return { show: false, reason: 'nothing-new' };
  if (now - last.sentAt > STALE_AFTER_MS) return { show: false, reason: 'stale' };
  if (windowFocused) return { show: false, reason: 'focused' };
  if (!settings.notifications.enabled) return { show: false, reason: 'disabled' };
  if (current.muted) return { show: false, reason: 'muted' };
  if (isQuietTime(minuteOfDay, settings.doNotDisturb)) return { show: false, reason: 'quiet-hours' };
  const hidden = shellText.newMessages(added);
  // A group notice's preview is a marker the page translates (`[notice:member-quit]`), not text.
  const body =
    last.preview === '' ? hidden : last.preview.startsWith('[notice:') ? shellText.groupNotice : last.preview;
  const content = settings.notifications.showPreview
    ? { title: current.title, body }
    : { title: shellText.appName, body: hidden };
  return { show: true, conversationId: current.id, ...content, silent: !settings.notifications.sound };
}
