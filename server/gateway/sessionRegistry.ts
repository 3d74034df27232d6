/** What the registry needs from a logged-in connection. */
export type Session = Readonly<{
  /** Another login of the same device took over: `kick` sends kickout (54, code 1) and closes; `silent` just closes. */
  displace(how: 'kick' | 'silent'): void;
  /** An administrator (or a revocation) removes it: kickout (54, code 2), then close. */
  kick(reason: string): void;
}>;

export type Admission = 'admitted' | 'stale';

/**
 * Who is online: any number of devices per user, one session per device. The duplicate-login
 * rules are MobileIMSDK's (shared/docs/mobileimsdk-wire.md), applied per device, so a zombie
 * reconnect cannot steal a live session and two devices of one user never displace each other.
 */
export type SessionRegistry<S extends Session = Session> = Readonly<{
  /**
   * Registers `session` for the device unless the device's existing session wins. `requested`
   * is the client's firstLoginTime (≤ 0 = fresh login); `resolved` is what the server answered.
   */
  admit(userId: string, deviceId: string, session: S, requested: number, resolved: number): Admission;
  /** The user's live sessions, one per device. */
  sessionsOf(userId: string): S[];
  get(userId: string, deviceId: string): S | undefined;
  /** Removes `session` if it is still its device's current one; true if it was. */
  remove(userId: string, deviceId: string, session: S): boolean;
  /** Users with at least one live session. */
  size(): number;
}>;

export type DuplicateLoginDecision = 'kick-existing' | 'replace-existing' | 'reject-new';

/** The wire doc's rule: fresh or newer kicks the old, equal replaces it quietly, older loses. */
export function decideDuplicateLogin(requested: number, existing: number): DuplicateLoginDecision {
  if (requested <= 0 || requested > existing) return 'kick-existing';
  if (requested === existing) return 'replace-existing';
  return 'reject-new';
}

export function createSessionRegistry<S extends Session = Session>(): SessionRegistry<S> {
  const users = new Map<string, Map<string, { session: S; firstLoginTime: number }>>();
  return {
    admit(userId, deviceId, session, requested, resolved) {
      let devices = users.get(userId);
      if (!devices) users.set(userId, (devices = new Map<string, { session: S; firstLoginTime: number }>()));
      const current = devices.get(deviceId);
      if (current && current.session !== session) {
        const decision = decideDuplicateLogin(requested, current.firstLoginTime);
        if (decision === 'reject-new') return 'stale';
        // Register first, so the displaced socket's close handler sees it is no longer current.
        devices.set(deviceId, { session, firstLoginTime: resolved });
        current.session.displace(decision === 'kick-existing' ? 'kick' : 'silent');
        return 'admitted';
      }
      devices.set(deviceId, { session, firstLoginTime: resolved });
      return 'admitted';
    },
    sessionsOf: (userId) => [...(users.get(userId)?.values() ?? [])].map((entry) => entry.session),
    get: (userId, deviceId) => users.get(userId)?.get(deviceId)?.session,
    remove(userId, deviceId, session) {
      const devices = users.get(userId);
      if (devices?.get(deviceId)?.session !== session) return false;
      devices.delete(deviceId);
      if (devices.size === 0) users.delete(userId);
      return true;
    },
    size: () => users.size,
  };
}
