import type { Navigation } from '../../../shared/ipc/channels/app';

export type NavigationInbox = Readonly<{
  /** Keeps the navigation for the page (replacing an older one) and rings the page. */
  push(navigation: Navigation): void;
  /** The waiting navigation, once. */
  take(): Navigation | null;
}>;

/**
 * Holds the latest navigation until the page takes it. A link can arrive before the page has
 * loaded (the link that launched the app) or while it reloads, so the page pulls instead of
 * being pushed to: `ring` only tells it to look.
 */
export function createNavigationInbox(ring: () => void): NavigationInbox {
  let pending: Navigation | null = null;
  return Object.freeze({
    push(navigation: Navigation) {
      pending = navigation;
      ring();
    },
    take() {
      const navigation = pending;
      pending = null;
      return navigation;
    },
  });
}
