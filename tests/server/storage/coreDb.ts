import BetterSqlite3 from 'better-sqlite3';
import { createCoreRepositories } from '../../../server/storage/coreRepositories';
import { migrate } from '../../../server/storage/migrate';
import { migrations } from '../../../server/storage/migrations';
import { createUserRepository } from '../../../server/storage/userRepository';

/** An in-memory, fully migrated database with the messaging core's repositories and two users. */
export function coreDb() {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  const users = createUserRepository(db);
  const user = (name: string): string => {
    const result = users.insert({ username: name, passwordHash: 'h', displayName: name, createdAt: 1 });
    if (!result.ok) throw new Error('taken');
    return result.id;
  };
  const alice = user('alice');
  const bob = user('bob');
  return { db, ...createCoreRepositories(db), users, user, alice, bob, direct: `d:${alice}:${bob}` };
}
