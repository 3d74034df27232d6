import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/storage/database';
import { createUserRepository, likePrefixPattern } from '../../../server/storage/userRepository';

function repositoryWith(usernames: readonly string[]) {
  const db = openDatabase(':memory:');
  const users = createUserRepository(db);
  for (const username of usernames)
    users.insert({ username, passwordHash: '', displayName: username, createdAt: 1 });
  return { db, users };
}

describe('user repository', () => {
  it('escapes LIKE wildcards and the escape character itself', () => {
    expect(likePrefixPattern('a%b_c\\d')).toBe('a\\%b\\_c\\\\d%');
  });

  it('searches by username prefix in any case, treating %, _ and \\ literally', () => {
    const { users } = repositoryWith([
      'alice',
      'Alicia',
      'al_bert',
      'alxbert',
      'bob',
      '100%real',
      'back\\slash',
    ]);
    const names = (prefix: string): string[] =>
      users.searchByUsernamePrefix(prefix, 10).map((u) => u.username);
    expect(names('ALI')).toEqual(['alice', 'Alicia']);
    expect(names('al_')).toEqual(['al_bert']);
    expect(names('%')).toEqual([]);
    expect(names('100%')).toEqual(['100%real']);
    expect(names('_')).toEqual([]);
    expect(names('back\\')).toEqual(['back\\slash']);
    expect(names("' OR 1=1 --")).toEqual([]);
    expect(names('a')).toHaveLength(4);
    expect(users.searchByUsernamePrefix('a', 2)).toHaveLength(2);
  });

  it('serves the prefix search as a range on the username index, not a scan', () => {
    const { db } = repositoryWith([]);
    // The repository's statement, with the same ESCAPE clause and a bound pattern.
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM users WHERE username LIKE ? ESCAPE '\\' AND disabled = 0 ORDER BY username LIMIT ?",
      )
      .all('ab%', 5) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(
      /SEARCH users USING INDEX \S+ \(username>\? AND username<\?\)/,
    );
  });

  it('leaves disabled users out of search', () => {
    const { users } = repositoryWith(['carol', 'carl']);
    const carl = users.findByUsername('carl');
    users.setDisabled(carl?.id ?? '', true);
    expect(users.searchByUsernamePrefix('car', 10).map((u) => u.username)).toEqual(['carol']);
  });

  it('updates only the profile fields it is given', () => {
    const { users } = repositoryWith(['dora']);
    const id = users.findByUsername('dora')?.id ?? '';
    expect(users.updateProfile(id, { signature: 'hi' })).toMatchObject({
      displayName: 'dora',
      signature: 'hi',
      avatar: null,
    });
    expect(users.updateProfile(id, { avatar: 'file_1' })).toMatchObject({
      signature: 'hi',
      avatar: 'file_1',
    });
    expect(users.updateProfile(id, { avatar: null, displayName: 'Dora' })).toMatchObject({
      displayName: 'Dora',
      signature: 'hi',
      avatar: null,
    });
    expect(users.updateProfile('999', { signature: 'x' })).toBeUndefined();
    expect(users.updateProfile("1' OR '1'='1", { signature: 'x' })).toBeUndefined();
  });

  it('provisions new accounts without a password and returns existing ones as they are', () => {
    const { users } = repositoryWith(['existing']);
    const result = users.provision(
      [
        { username: 'fresh', displayName: 'Fresh' },
        { username: 'EXISTING', displayName: 'Changed?' },
      ],
      5,
    );
    expect(result.map((r) => [r.username, r.created])).toEqual([
      ['fresh', true],
      ['existing', false],
    ]);
    expect(users.findByUsername('fresh')).toMatchObject({
      passwordHash: '',
      displayName: 'Fresh',
      createdAt: 5,
    });
    expect(users.findByUsername('existing')?.displayName).toBe('existing');
  });
});
