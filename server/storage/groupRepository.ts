import type { Database } from 'better-sqlite3';
import { formatId, parseId } from './ids';

export type GroupRole = 'owner' | 'admin' | 'member';

export type Group = Readonly<{
  id: string;
  conversationId: string;
  name: string;
  notice: string;
  ownerId: string;
  memberCount: number;
  dissolved: boolean;
}>;

export type GroupMembership = Readonly<{ role: GroupRole; nickname: string; leftSeq: number | null }>;

export type GroupMember = Readonly<{ userId: string; role: GroupRole; nickname: string }>;

/** A group's conversation id. */
export function groupConversationId(groupId: string): string {
  return `g:${groupId}`;
}

/** The group behind a conversation id, or null when it is not a group's. */
export function groupIdOf(conversationId: string): string | null {
  const match = /^g:([1-9][0-9]{0,15})$/.exec(conversationId);
  return match?.[1] ?? null;
}

/**
 * Groups, their members (current and departed) and the group conversation's membership. Writes
 * run inside a transaction (the write queue's).
 */
export type GroupRepository = Readonly<{
  create(name: string, ownerId: string, memberIds: readonly string[], now: number): Group;
  find(groupId: string): Group | undefined;
  /** Current or departed member; undefined for someone who never was one. */
  membership(groupId: string, userId: string): GroupMembership | undefined;
  members(groupId: string): GroupMember[];
  memberIds(groupId: string): string[];
  /** Adds (or brings back) a member. */
  add(groupId: string, userId: string, now: number): void;
  /** Marks the member departed at `leftSeq` and drops them from the conversation. */
  remove(groupId: string, userId: string, leftSeq: number): void;
  setRole(groupId: string, userId: string, role: GroupRole): void;
  setOwner(groupId: string, ownerId: string): void;
  rename(groupId: string, name: string): void;
  setNotice(groupId: string, notice: string): void;
  setNickname(groupId: string, userId: string, nickname: string): void;
  dissolve(groupId: string, now: number): void;
  /** The user's current groups. */
  groupsOf(userId: string): Group[];
  /** Newest sequences of the user's groups with more than `threshold` members. */
  largeGroupCursors(userId: string, threshold: number): Record<string, number>;
  /** Current members other than `exceptId` who have read up to `seq`. */
  readCount(groupId: string, seq: number, exceptId: string): number;
}>;

type GroupRow = {
  id: number;
  name: string;
  notice: string;
  owner_id: number;
  member_count: number;
  dissolved_at: number | null;
};

const GROUP_COLUMNS = 'g.id, g.name, g.notice, g.owner_id, g.member_count, g.dissolved_at';

export function createGroupRepository(db: Database): GroupRepository {
  const insertGroup = db.prepare<[string, number, number], { id: number }>(
    'INSERT INTO groups (name, owner_id, member_count, created_at) VALUES (?, ?, 0, ?) RETURNING id',
  );
  const insertConversation = db.prepare<[string, number]>(
    "INSERT INTO conversations (id, kind, last_seq, created_at) VALUES (?, 'group', 0, ?)",
  );
  const find = db.prepare<[number], GroupRow>(`SELECT ${GROUP_COLUMNS} FROM groups g WHERE g.id = ?`);
  const membership = db.prepare<
    [number, number],
    { role: GroupRole; nickname: string; left_seq: number | null }
  >('SELECT role, nickname, left_seq FROM group_members WHERE group_id = ? AND user_id = ?');
  const members = db.prepare<[number], { user_id: number; role: GroupRole; nickname: string }>(
    'SELECT user_id, role, nickname FROM group_members WHERE group_id = ? AND left_seq IS NULL ORDER BY joined_at, user_id',
  );
  const upsertMember = db.prepare<[number, number, string, number]>(
    `INSERT INTO group_members (group_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (group_id, user_id) DO UPDATE
       SET role = excluded.role, joined_at = excluded.joined_at, left_seq = NULL, nickname = ''`,
  );
  const joinConversation = db.prepare<[string, number, number]>(
    'INSERT INTO conversation_members (conversation_id, user_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const leaveConversation = db.prepare<[string, number]>(
    'DELETE FROM conversation_members WHERE conversation_id = ? AND user_id = ?',
  );
  const markLeft = db.prepare<[number, number, number]>(
    'UPDATE group_members SET left_seq = ? WHERE group_id = ? AND user_id = ? AND left_seq IS NULL',
  );
  const count = db.prepare<[number, number]>(
    'UPDATE groups SET member_count = (SELECT count(*) FROM group_members WHERE group_id = ? AND left_seq IS NULL) WHERE id = ?',
  );
  const setRole = db.prepare<[string, number, number]>(
    'UPDATE group_members SET role = ? WHERE group_id = ? AND user_id = ?',
  );
  const setOwner = db.prepare<[number, number]>('UPDATE groups SET owner_id = ? WHERE id = ?');
  const rename = db.prepare<[string, number]>('UPDATE groups SET name = ? WHERE id = ?');
  const setNotice = db.prepare<[string, number]>('UPDATE groups SET notice = ? WHERE id = ?');
  const setNickname = db.prepare<[string, number, number]>(
    'UPDATE group_members SET nickname = ? WHERE group_id = ? AND user_id = ?',
  );
  const dissolve = db.prepare<[number, number]>(
    'UPDATE groups SET dissolved_at = ? WHERE id = ? AND dissolved_at IS NULL',
  );
  const groupsOf = db.prepare<[number], GroupRow>(
    `SELECT ${GROUP_COLUMNS} FROM group_members m JOIN groups g ON g.id = m.group_id
     WHERE m.user_id = ? AND m.left_seq IS NULL ORDER BY g.id`,
  );
  const large = db.prepare<[number, number], { id: string; last_seq: number }>(
    `SELECT c.id, c.last_seq FROM group_members m
     JOIN groups g ON g.id = m.group_id
     JOIN conversations c ON c.id = 'g:' || g.id
     WHERE m.user_id = ? AND m.left_seq IS NULL AND g.member_count > ?`,
  );
  const readCount = db.prepare<[string, number, number], { n: number }>(
    'SELECT count(*) AS n FROM conversation_members WHERE conversation_id = ? AND read_seq >= ? AND user_id <> ?',
  );

  const key = (id: string): number => {
    const value = parseId(id);
    if (value === null) throw new Error('malformed id');
    return value;
  };
  const toGroup = (row: GroupRow): Group => ({
    id: formatId(row.id),
    conversationId: groupConversationId(formatId(row.id)),
    name: row.name,
    notice: row.notice,
    ownerId: formatId(row.owner_id),
    memberCount: row.member_count,
    dissolved: row.dissolved_at !== null,
  });
  const add = (groupId: string, userId: string, role: GroupRole, now: number): void => {
    upsertMember.run(key(groupId), key(userId), role, now);
    joinConversation.run(groupConversationId(groupId), key(userId), now);
  };
  const recount = (groupId: string): void => {
    count.run(key(groupId), key(groupId));
  };
  const found = (groupId: string): Group | undefined => {
    const id = parseId(groupId);
    const row = id === null ? undefined : find.get(id);
    return row ? toGroup(row) : undefined;
  };

  return {
    create(name, ownerId, memberIds, now) {
      const row = insertGroup.get(name, key(ownerId), now);
      if (!row) throw new Error('group not created');
      const groupId = formatId(row.id);
      insertConversation.run(groupConversationId(groupId), now);
      add(groupId, ownerId, 'owner', now);
      for (const id of memberIds) if (id !== ownerId) add(groupId, id, 'member', now);
      recount(groupId);
      const group = found(groupId);
      if (!group) throw new Error('group not created');
      return group;
    },
    find: found,
    membership(groupId, userId) {
      const [group, user] = [parseId(groupId), parseId(userId)];
      const row = group === null || user === null ? undefined : membership.get(group, user);
      return row ? { role: row.role, nickname: row.nickname, leftSeq: row.left_seq } : undefined;
    },
    members: (groupId) =>
      members.all(key(groupId)).map((row) => ({
        userId: formatId(row.user_id),
        role: row.role,
        nickname: row.nickname,
      })),
    memberIds: (groupId) => members.all(key(groupId)).map((row) => formatId(row.user_id)),
    add(groupId, userId, now) {
      add(groupId, userId, 'member', now);
      recount(groupId);
    },
    remove(groupId, userId, leftSeq) {
      markLeft.run(leftSeq, key(groupId), key(userId));
      leaveConversation.run(groupConversationId(groupId), key(userId));
      recount(groupId);
    },
    setRole: (groupId, userId, role) => void setRole.run(role, key(groupId), key(userId)),
    setOwner: (groupId, ownerId) => void setOwner.run(key(ownerId), key(groupId)),
    rename: (groupId, name) => void rename.run(name, key(groupId)),
    setNotice: (groupId, notice) => void setNotice.run(notice, key(groupId)),
    setNickname: (groupId, userId, nickname) => void setNickname.run(nickname, key(groupId), key(userId)),
    dissolve: (groupId, now) => void dissolve.run(now, key(groupId)),
    groupsOf(userId) {
      const user = parseId(userId);
      return user === null ? [] : groupsOf.all(user).map(toGroup);
    },
    largeGroupCursors(userId, threshold) {
      const user = parseId(userId);
      if (user === null) return {};
      return Object.fromEntries(large.all(user, threshold).map((row) => [row.id, row.last_seq]));
    },
    readCount: (groupId, seq, exceptId) =>
      readCount.get(groupConversationId(groupId), seq, key(exceptId))?.n ?? 0,
  };
}
