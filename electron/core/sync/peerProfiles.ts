import type { Conversation } from '../../../shared/ipc';
import type { UserProfile } from '../../../shared/protocol';
import type { Logger } from '../deps/logger';
import type { ApiClient } from '../http/apiClient';
import type { TaskTracker } from '../session/taskTracker';
import type { Store } from '../store/store';

export type PeerProfiles = Readonly<{
  /** Fetches the profile of a peer known only by id (someone who wrote first), once at a time. */
  fill(conversationId: string, peerUserId: string): void;
}>;

export type PeerProfilesDeps = Readonly<{
  api: Pick<ApiClient, 'userById'> | null;
  /** Runs an HTTP call with the current access token (refreshed on 401). */
  authed(call: (token: string) => Promise<UserProfile>): Promise<UserProfile>;
  store: Pick<Store, 'updatePeer'>;
  tasks: TaskTracker;
  logger: Logger;
  onChanged(conversation: Conversation): void;
}>;

/** A failed fetch is retried by the next message from that peer, which finds the profile still missing. */
export function createPeerProfiles(deps: PeerProfilesDeps): PeerProfiles {
  const inFlight = new Set<string>();
  return Object.freeze({
    fill(conversationId: string, peerUserId: string) {
      const api = deps.api;
      if (api === null || inFlight.has(conversationId)) return;
      inFlight.add(conversationId);
      deps.tasks.run('peer-profile', async () => {
        try {
          const profile = await deps.authed((token) => api.userById(token, peerUserId));
          if (profile.userId !== peerUserId) {
            deps.logger.warn('peer-profile.mismatch', { conversationId });
            return;
          }
          const changed = await deps.store.updatePeer(conversationId, profile);
          if (changed) deps.onChanged(changed);
        } finally {
          inFlight.delete(conversationId);
        }
      });
    },
  });
}
