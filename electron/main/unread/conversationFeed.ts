import type { EngineHost } from '../../core';
import type { ConversationChange, ConversationTracker } from './conversationTracker';

export type ConversationFeedHandlers = Readonly<{
  /** The unread total the badge shows changed (or may have). */
  onTotal: (total: number) => void;
  /** Conversations changed by a live event, each with what it was: the notifier decides on them. */
  onChanges: (changes: readonly ConversationChange[]) => void;
  onError: (event: string, error: unknown) => void;
}>;

/**
 * Keeps the tracker in step with the engine: the full list at start and after every sign-in
 * (no notifications for those), live changes from `conversations:changed`, deletions, and
 * nothing at all once signed out. Returns the unsubscribe function.
 */
export function followConversations(
  engine: EngineHost,
  tracker: ConversationTracker,
  { onTotal, onChanges, onError }: ConversationFeedHandlers,
): () => void {
  let signedIn = false;
  const reload = async (): Promise<void> => {
    const result = await engine.dispatch('conversations:list', {});
    if (result.ok && Array.isArray(result.value)) tracker.reset(result.value);
    else tracker.clear();
    onTotal(tracker.totalUnread());
  };
  const reloadSafely = (): void => {
    reload().catch((error: unknown) => onError('conversations-reload-failed', error));
  };
  const unsubscribe = engine.onEvent((event) => {
    switch (event.name) {
      case 'conversations:changed': {
        const changes = tracker.apply(event.payload.conversations);
        onTotal(tracker.totalUnread());
        onChanges(changes);
        return;
      }
      case 'conversations:removed':
        tracker.remove(event.payload.conversationIds);
        onTotal(tracker.totalUnread());
        return;
      case 'connection:changed': {
        const nowSignedIn = event.payload.status !== 'signed-out';
        if (nowSignedIn && !signedIn) reloadSafely();
        if (!nowSignedIn && signedIn) {
          tracker.clear();
          onTotal(0);
        }
        signedIn = nowSignedIn;
        return;
      }
      default:
        return;
    }
  });
  reloadSafely();
  return unsubscribe;
}
