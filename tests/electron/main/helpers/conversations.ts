import type { EngineEvent } from '../../../../electron/core';

/** A conversation as the engine reports it; only what a test cares about needs to be given. */
export function conversation(
  id: string,
  patch: Readonly<{
    unread?: number;
    muted?: boolean;
    title?: string;
    preview?: string;
    sentAt?: number;
    outgoing?: boolean;
  }> = {},
): Record<string, unknown> {
  return {
    id,
    title: patch.title ?? id,
    peer: null,
    lastMessage: {
      preview: patch.preview ?? 'hi',
      sentAt: patch.sentAt ?? Date.now(),
      outgoing: patch.outgoing ?? false,
    },
    unread: patch.unread ?? 0,
    updatedAt: 1,
    draft: '',
    pinned: false,
    muted: patch.muted ?? false,
    mentioned: false,
  };
}

/** An engine event built from loose parts (the contract's payload types are checked by the engine). */
export const engineEvent = (name: string, payload: unknown): EngineEvent =>
  ({ name, payload }) as unknown as EngineEvent;
