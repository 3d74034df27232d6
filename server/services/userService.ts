import type { UserProfile } from '../../shared/protocol';
import type { UserRecord, UserRepository } from '../storage/userRepository';

/** Public profiles: what other users may see (never the password hash). */
export type UserService = Readonly<{
  profileById(userId: string): UserProfile | null;
  profileByUsername(username: string): UserProfile | null;
  exists(userId: string): boolean;
}>;

export function createUserService(users: UserRepository): UserService {
  return {
    profileById: (userId) => toProfile(users.findById(userId)),
    profileByUsername: (username) => toProfile(users.findByUsername(username)),
    exists: (userId) => users.exists(userId),
  };
}

function toProfile(user: UserRecord | undefined): UserProfile | null {
  return user ? { userId: user.id, username: user.username, displayName: user.displayName } : null;
}
