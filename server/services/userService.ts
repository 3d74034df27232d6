import type { ProfileChanges, UserRecord, UserRepository } from '../storage/userRepository';

/** What anyone signed in may see of a user (never the password hash or the account state). */
export type PublicProfile = Readonly<{
  userId: string;
  username: string;
  /** The nickname. */
  displayName: string;
  /** An opaque avatar reference (later a file id), or null. */
  avatar: string | null;
  signature: string;
}>;

export const USER_SEARCH_MAX_RESULTS = 50;

export type UserService = Readonly<{
  profileById(userId: string): PublicProfile | null;
  profileByUsername(username: string): PublicProfile | null;
  exists(userId: string): boolean;
  /** Null when the user does not exist. */
  updateProfile(userId: string, changes: ProfileChanges): PublicProfile | null;
  /** Enabled users whose username starts with `prefix`, any case; at most `limit` (capped). */
  search(prefix: string, limit: number): PublicProfile[];
}>;

export function createUserService(users: UserRepository): UserService {
  return {
    profileById: (userId) => toProfile(users.findById(userId)),
    profileByUsername: (username) => toProfile(users.findByUsername(username)),
    exists: (userId) => users.exists(userId),
    updateProfile: (userId, changes) => toProfile(users.updateProfile(userId, changes)),
    search: (prefix, limit) =>
      users
        .searchByUsernamePrefix(prefix, Math.min(Math.max(1, limit), USER_SEARCH_MAX_RESULTS))
        .map((user) => toProfile(user) as PublicProfile),
  };
}

function toProfile(user: UserRecord | undefined): PublicProfile | null {
  if (!user) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    avatar: user.avatar,
    signature: user.signature,
  };
}
