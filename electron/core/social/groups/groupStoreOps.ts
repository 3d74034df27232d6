import type { Conversation, GroupRole } from '../../../../shared/ipc';
import type { Group, GroupMember, GroupState } from '../../../../shared/ipc/channels/groups';
import type { InboxEvent } from '../../../../shared/protocol';
import type { StoreContext } from '../../store/core/context';
import { conversationRow, ensureConversation } from '../../store/core/timeline';
import { toConversation } from '../../store/rows';

/** A group as `group.create` and `group.list` describe it. */
export type GroupSummaryInput = Readonly<{
  groupId: string;
  conversationId: string;
  name: string;
  notice: string;
  ownerId: string;
  memberCount: number;
  dissolved: boolean;
}>;

/** A member as `group.members` answers it, with the profile when the engine knows it. */
export type GroupMemberInput = Readonly<{
  userId: string;
  role: GroupRole;
  nickname: string;
  username: string | null;
  displayName: string | null;
}>;

/** Groups and their conversations changed by one operation, for the events. */
export type GroupChange = Readonly<{ groups: Group[]; conversations: Conversation[] }>;

export type SavedMembers = Readonly<{
  group: Group;
  conversation: Conversation;
  members: GroupMember[];
}>;

type GroupRowDb = Readonly<{
  id: string;
  name: string;
  owner_id: string;
  member_count: number;
  notice: string;
  state: GroupState;
  my_role: GroupRole | null;
  my_nickname: string;
  exit_seq: number | null;
  membership_seq: number;
  removed_at: number | null;
}>;

type MemberRowDb = Readonly<{
  user_id: string;
  role: GroupRole;
  nickname: string;
  username: string | null;
  display_name: string | null;
}>;

type GroupInboxEvent = Extract<InboxEvent, { type: 'group' | 'mention' }>;

export const groupConversationId = (groupId: string): string => `g:${groupId}`;

const ROLE_ORDER: Readonly<Record<GroupRole, number>> = { owner: 0, admin: 1, member: 2 };

function toGroup(row: GroupRowDb): Group {
  return {
    groupId: row.id.slice(2),
    conversationId: row.id,
    name: row.name,
    notice: row.notice,
    ownerId: row.owner_id,
    memberCount: row.member_count,
    myRole: row.state === 'member' ? row.my_role : null,
    myNickname: row.my_nickname,
    state: row.state,
  };
}

function toMember(row: MemberRowDb): GroupMember {
  return {
    userId: row.user_id,
    username: row.username ?? row.user_id,
    displayName: row.display_name ?? row.username ?? row.user_id,
    role: row.role,
    nickname: row.nickname,
  };
}

/** Statements on chat_groups and group_members; every caller runs them inside its transaction. */
function groupStatements(ctx: StoreContext) {
  const { db } = ctx;
  return {
    byId: db.prepare<[string], GroupRowDb>('SELECT * FROM chat_groups WHERE id = ?'),
    listed: db.prepare<[], GroupRowDb>(
      'SELECT * FROM chat_groups WHERE removed_at IS NULL ORDER BY name, id',
    ),
    insertIfMissing: db.prepare<[string, string, number]>(`
      INSERT INTO chat_groups (id, name, owner_id, updated_at) VALUES (?, '', ?, ?)
      ON CONFLICT (id) DO NOTHING`),
    saveSummary: db.prepare<{
      id: string;
      name: string;
      notice: string;
      ownerId: string;
      memberCount: number;
      dissolved: number;
      ownerIsMe: number;
      now: number;
    }>(`
      UPDATE chat_groups SET name = @name, notice = @notice, owner_id = @ownerId, member_count = @memberCount,
        state = CASE WHEN @dissolved = 1 THEN 'dissolved' ELSE state END,
        my_role = CASE
          WHEN state = 'left' THEN my_role
          WHEN @ownerIsMe = 1 THEN 'owner'
          WHEN my_role = 'owner' OR my_role IS NULL THEN 'member'
          ELSE my_role END,
        updated_at = @now
      WHERE id = @id`),
    joined: db.prepare<[number, number, string, number]>(`
      UPDATE chat_groups SET state = CASE WHEN state = 'dissolved' THEN state ELSE 'member' END,
        exit_seq = NULL, membership_seq = ?, removed_at = NULL, my_role = COALESCE(my_role, 'member'),
        updated_at = ?
      WHERE id = ? AND membership_seq <= ?`),
    left: db.prepare<[number, number, number, string, number]>(`
      UPDATE chat_groups SET state = 'left', exit_seq = ?, membership_seq = ?, my_role = NULL, updated_at = ?
      WHERE id = ? AND membership_seq <= ? AND state <> 'dissolved'`),
    leftNow: db.prepare<[number, string]>(`
      UPDATE chat_groups SET state = 'left', my_role = NULL, updated_at = ? WHERE id = ? AND state = 'member'`),
    dissolved: db.prepare<[number, string]>(`
      UPDATE chat_groups SET state = 'dissolved', updated_at = ? WHERE id = ? AND state = 'member'`),
    capLastSeq: db.prepare<[number, string]>(
      'UPDATE conversations SET last_seq = MIN(last_seq, ?) WHERE id = ?',
    ),
    /** Group conversations this device has no group for (learned from history, not from an event). */
    unknownGroups: db.prepare<[], { id: string }>(`
      SELECT c.id FROM conversations c LEFT JOIN chat_groups g ON g.id = c.id
      WHERE c.id LIKE 'g:%' AND g.id IS NULL ORDER BY c.id`),
    insertLeft: db.prepare<[string, string, number]>(`
      INSERT INTO chat_groups (id, name, owner_id, state, updated_at) VALUES (?, ?, '', 'left', ?)
      ON CONFLICT (id) DO NOTHING`),
    /** The group's name as its newest naming notice in the held history says. */
    nameFromNotices: db.prepare<[string], string>(`
      SELECT json_extract(body, '$.text') FROM messages
      WHERE conversation_id = ? AND kind = 'notice'
        AND json_extract(body, '$.event') IN ('group-created', 'group-renamed')
        AND json_type(body, '$.text') = 'text'
      ORDER BY seq DESC LIMIT 1`),
    tombstone: db.prepare<[number, string]>(
      `UPDATE chat_groups SET removed_at = ? WHERE id = ? AND state <> 'member' AND removed_at IS NULL`,
    ),
    mirror: db.prepare<[string]>(`
      UPDATE conversations SET
        group_name = (SELECT name FROM chat_groups g WHERE g.id = conversations.id),
        group_member_count = (SELECT member_count FROM chat_groups g WHERE g.id = conversations.id),
        group_role = (SELECT CASE WHEN state = 'member' THEN my_role END FROM chat_groups g WHERE g.id = conversations.id),
        group_state = (SELECT state FROM chat_groups g WHERE g.id = conversations.id)
      WHERE id = ?`),
    members: db.prepare<[string], MemberRowDb>(
      'SELECT user_id, role, nickname, username, display_name FROM group_members WHERE group_id = ?',
    ),
    clearMembers: db.prepare<[string]>('DELETE FROM group_members WHERE group_id = ?'),
    insertMember: db.prepare<{
      groupId: string;
      userId: string;
      role: GroupRole;
      nickname: string;
      username: string | null;
      displayName: string | null;
      now: number;
    }>(`
      INSERT INTO group_members (group_id, user_id, role, nickname, username, display_name, joined_at)
      VALUES (@groupId, @userId, @role, @nickname, @username, @displayName, @now)`),
    setMine: db.prepare<[string, number, GroupRole | null, string, string]>(`
      UPDATE chat_groups SET owner_id = ?, member_count = ?, my_role = COALESCE(?, my_role), my_nickname = ?
      WHERE id = ?`),
    setMyNickname: db.prepare<[string, string]>('UPDATE chat_groups SET my_nickname = ? WHERE id = ?'),
  };
}

/**
 * Applies a `group` (joined, left) or `mention` inbox event inside sync's transaction and
 * answers the conversation it touched. Idempotent, and an older membership event never undoes
 * a newer one. After leaving, the conversation's known newest sequence stops at the exit.
 */
export function applyGroupInboxEvent(ctx: StoreContext, event: GroupInboxEvent, now: number): string {
  const id = event.conversationId;
  ensureConversation(ctx, id, now);
  ctx.conversations.raiseLastSeq(id, event.messageSeq);
  if (event.type === 'mention' || !id.startsWith('g:')) return id;
  const sql = groupStatements(ctx);
  sql.insertIfMissing.run(id, event.by, now);
  if (event.action === 'joined') {
    sql.joined.run(event.messageSeq, now, id, event.messageSeq);
    ctx.conversations.unhide(id);
  } else if (sql.left.run(event.messageSeq, event.messageSeq, now, id, event.messageSeq).changes === 1) {
    sql.capLastSeq.run(event.messageSeq, id);
  }
  sql.mirror.run(id);
  return id;
}

/** The store operations on groups, each one transaction, run in the store's worker. */
export function createGroupOps(ctx: StoreContext) {
  const { db, me } = ctx;
  const sql = groupStatements(ctx);

  /** A group deleted here (its tombstone) is unknown until the user joins it again. */
  const group = (id: string): Group | null => {
    const row = sql.byId.get(id);
    return row && row.removed_at === null ? toGroup(row) : null;
  };
  const conversation = (id: string): Conversation => toConversation(conversationRow(ctx, id));
  const change = (ids: readonly string[]): GroupChange => ({
    groups: ids.flatMap((id) => group(id) ?? []),
    // A conversation deleted here stays out of the list until a new message shows it again.
    conversations: ids.filter((id) => ctx.conversations.byId(id)?.hidden === 0).map(conversation),
  });
  const sortedMembers = (id: string): GroupMember[] =>
    sql.members
      .all(id)
      .map(toMember)
      .sort(
        (a, b) =>
          ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
          (a.nickname || a.displayName).localeCompare(b.nickname || b.displayName) ||
          a.userId.localeCompare(b.userId),
      );

  return {
    /** Every group this device keeps, the ones left or dissolved included (not deleted here). */
    listGroups: (): Group[] => sql.listed.all().map(toGroup),
    getGroup: (groupId: string): Group | null => group(groupConversationId(groupId)),
    groupMembers: (groupId: string): GroupMember[] => sortedMembers(groupConversationId(groupId)),
    /**
     * Records groups as the server describes them. A summary never turns a group the user left
     * back into a current one: only a `joined` event does that, in inbox order.
     */
    saveGroupSummaries: db.transaction(
      (summaries: readonly GroupSummaryInput[], now: number): GroupChange => {
        const ids: string[] = [];
        for (const summary of summaries) {
          const id = groupConversationId(summary.groupId);
          if (summary.conversationId !== id) continue;
          ensureConversation(ctx, id, now);
          sql.insertIfMissing.run(id, summary.ownerId, now);
          sql.saveSummary.run({
            id,
            name: summary.name,
            notice: summary.notice,
            ownerId: summary.ownerId,
            memberCount: summary.memberCount,
            dissolved: summary.dissolved ? 1 : 0,
            ownerIsMe: summary.ownerId === me ? 1 : 0,
            now,
          });
          sql.mirror.run(id);
          ids.push(id);
        }
        return change(ids);
      },
    ),
    /**
     * After a complete `group.list`: group conversations this device holds history of but has
     * no group for (a new device of a user who left them; the `left` event is older than its
     * first sync) are groups the user is no longer in. Their name comes from the history.
     */
    markUnlistedGroupsLeft: db.transaction((listed: readonly string[], now: number): GroupChange => {
      const current = new Set(listed);
      const ids: string[] = [];
      for (const { id } of sql.unknownGroups.all()) {
        if (current.has(id)) continue;
        const name = sql.nameFromNotices.pluck().get(id) ?? '';
        sql.insertLeft.run(id, typeof name === 'string' ? name : '', now);
        sql.mirror.run(id);
        ids.push(id);
      }
      return change(ids);
    }),
    /** The whole member list as the server answered it; profiles already known are kept. */
    saveGroupMembers: db.transaction(
      (groupId: string, members: readonly GroupMemberInput[], now: number): SavedMembers | null => {
        const id = groupConversationId(groupId);
        if (!sql.byId.get(id)) return null;
        const known = new Map(sql.members.all(id).map((m) => [m.user_id, m]));
        sql.clearMembers.run(id);
        for (const member of members) {
          const before = known.get(member.userId);
          sql.insertMember.run({
            groupId: id,
            userId: member.userId,
            role: member.role,
            nickname: member.nickname,
            username: member.username ?? before?.username ?? null,
            displayName: member.displayName ?? before?.display_name ?? null,
            now,
          });
        }
        const mine = members.find((m) => m.userId === me);
        const owner = members.find((m) => m.role === 'owner');
        const current = sql.byId.get(id);
        sql.setMine.run(
          owner?.userId ?? current?.owner_id ?? '',
          members.length,
          mine?.role ?? null,
          mine?.nickname ?? current?.my_nickname ?? '',
          id,
        );
        sql.mirror.run(id);
        const saved = group(id);
        if (!saved) return null;
        return { group: saved, conversation: conversation(id), members: sortedMembers(id) };
      },
    ),
    /** Members without a known profile (fetched by the host, then saved with the list). */
    membersWithoutProfile: (groupId: string): string[] =>
      sql.members
        .all(groupConversationId(groupId))
        .filter((m) => m.username === null)
        .map((m) => m.user_id),
    /** The user quit or was told so: nothing more can be done here until invited again. */
    markGroupLeft: db.transaction((groupId: string, now: number): GroupChange => {
      const id = groupConversationId(groupId);
      sql.leftNow.run(now, id);
      if (!sql.byId.get(id)) return { groups: [], conversations: [] };
      sql.mirror.run(id);
      return change([id]);
    }),
    markGroupDissolved: db.transaction((groupId: string, now: number): GroupChange => {
      const id = groupConversationId(groupId);
      sql.dissolved.run(now, id);
      if (!sql.byId.get(id)) return { groups: [], conversations: [] };
      sql.mirror.run(id);
      return change([id]);
    }),
    setMyGroupNickname: db.transaction((groupId: string, nickname: string): Group | null => {
      const id = groupConversationId(groupId);
      sql.setMyNickname.run(nickname, id);
      return group(id);
    }),
    /**
     * A group the user no longer belongs to, deleted on this device: it leaves the group list
     * (a tombstone, so a later summary cannot bring it back; being invited again does). True
     * when it was removed now.
     */
    removeGroupLocally: db.transaction(
      (conversationId: string, now: number): boolean => sql.tombstone.run(now, conversationId).changes === 1,
    ),
  };
}
