import type { OnlineDevice, Presence } from '../services/presence';

/** The services' view of who is online, read from the session registry. */
export function createPresence(
  sessions: Readonly<{ sessionsOf(userId: string): readonly { device: OnlineDevice | null }[] }>,
): Presence {
  return {
    devicesOf: (userId) =>
      sessions.sessionsOf(userId).flatMap((session) => (session.device === null ? [] : [session.device])),
  };
}
