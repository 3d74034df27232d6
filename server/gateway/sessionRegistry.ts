/** What the registry needs from a logged-in connection. */
export type Session = Readonly<{
  /** Another login took over: `kick` sends kickout (54) and closes; `silent` just closes. */
  displace(how: 'kick' | 'silent'): void;
  /** False when nothing could be written (closing or closed). */
  sendText(text: string): boolean;
}>;

export type Admission = 'admitted' | 'stale';

/**
 * Who is online: one session per user for now (one device per user). The duplicate-login rules
 * are MobileIMSDK's (see shared/docs/mobileimsdk-wire.md), so a zombie reconnect cannot steal a
 * live session. With several devices per user the key becomes (user, device) and the rules stay.
 */
export type SessionRegistry = Readonly<{
  /**
   * Registers `session` for `userId` unless an existing session wins. `requested` is the
   * client's firstLoginTime (≤ 0 = fresh login); `resolved` is what the server answered with.
   */
  admit(userId: string, session: Session, requested: number, resolved: number): Admission;
  get(userId: string): Session | undefined;
  /** Removes `session` if it is still the user's current one; true if it was. */
  remove(userId: string, session: Session): boolean;
  size(): number;
}>;

export type DuplicateLoginDecision = 'kick-existing' | 'replace-existing' | 'reject-new';

/** The wire doc's rule: fresh or newer kicks the old, equal replaces it quietly, older loses. */
export function decideDuplicateLogin(requested: number, existing: number): DuplicateLoginDecision {
  if (requested <= 0 || requested > existing) return 'kick-existing';
  if (requested === existing) return 'replace-existing';
  return 'reject-new';
}

export function createSessionRegistry(): SessionRegistry {
  const sessions = new Map<string, { session: Session; firstLoginTime: number }>();
  return {
    admit(userId, session, requested, resolved) {
      const current = sessions.get(userId);
      if (current && current.session !== session) {
        const decision = decideDuplicateLogin(requested, current.firstLoginTime);
        if (decision === 'reject-new') return 'stale';
        // Register first, so the displaced socket's close handler sees it is no longer current.
        sessions.set(userId, { session, firstLoginTime: resolved });
        current.session.displace(decision === 'kick-existing' ? 'kick' : 'silent');
        return 'admitted';
      }
      sessions.set(userId, { session, firstLoginTime: resolved });
      return 'admitted';
    },
    get: (userId) => sessions.get(userId)?.session,
    remove(userId, session) {
      if (sessions.get(userId)?.session !== session) return false;
      sessions.delete(userId);
      return true;
    },
    size: () => sessions.size,
  };
}
