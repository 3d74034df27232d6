import {
  conversationGroupSchema,
  groupRoleSchema,
  SYSTEM_NOTICES_CONVERSATION_ID,
  type Conversation,
  type ConversationGroup,
  type Message,
  type MessageStatus,
} from '../../../shared/ipc';

/** Column shapes as better-sqlite3 returns them. */
export type MessageRow = Readonly<{
  id: number;
  fp: string;
  conversation_id: string;
  seq: number | null;
  server_id: string | null;
  sender_id: string;
  outgoing: number;
  sent_at: number;
  kind: string;
  body: string;
  status: MessageStatus;
  recalled_at: number | null;
  recalled_by: string | null;
  /** JSON {code, message} from the server's refusal (migration 007). */
  failure?: string | null;
  deleted_at: number | null;
  reply_to_seq: number | null;
  mentions_me: number;
}>;

export type ConversationRow = Readonly<{
  id: string;
  kind: 'direct' | 'group';
  peer_user_id: string | null;
  peer_username: string | null;
  peer_display_name: string | null;
  last_preview: string | null;
  last_sent_at: number | null;
  last_outgoing: number | null;
  unread: number;
  created_at: number;
  updated_at: number;
  draft: string;
  pinned: number;
  muted: number;
  mentioned: number;
  read_seq: number;
  read_seq_synced: number;
  peer_read_seq: number;
  last_seq: number;
  floor_seq: number | null;
  cleared_seq: number;
  history_start: number;
  hidden: number;
  /** Mirrored from chat_groups (migration 005) for group conversations; null until the group is known. */
  group_name?: string | null;
  group_member_count?: number | null;
  group_role?: string | null;
  group_state?: string | null;
}>;

export type OutboxRow = Readonly<{
  fp: string;
  to_user_id: string;
  frame: string;
  attempts: number;
  created_at: number;
  last_attempt_at: number | null;
  failed_at: number | null;
}>;

export function parseBody(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function parseFailure(json: string | null): Message['failure'] {
  if (json === null) return null;
  const value = parseBody(json);
  return typeof value['code'] === 'string' && typeof value['message'] === 'string'
    ? { code: value['code'], message: value['message'] }
    : null;
}

export function toMessage(row: MessageRow): Message {
  return {
    id: row.fp,
    conversationId: row.conversation_id,
    seq: row.seq,
    senderId: row.sender_id,
    outgoing: row.outgoing === 1,
    sentAt: row.sent_at,
    kind: row.kind,
    body: row.recalled_at === null ? parseBody(row.body) : {},
    status: row.status,
    recalled: row.recalled_at === null ? null : { by: row.recalled_by ?? row.sender_id, at: row.recalled_at },
    failure: row.status === 'failed' ? parseFailure(row.failure ?? null) : null,
  };
}

function conversationKind(id: string): Conversation['kind'] {
  if (id.startsWith('g:')) return 'group';
  if (id === SYSTEM_NOTICES_CONVERSATION_ID) return 'system';
  return 'direct';
}

/** The user's standing in a group conversation, from the columns mirrored on its row. */
function conversationGroup(row: ConversationRow): ConversationGroup | null {
  if (!row.id.startsWith('g:')) return null;
  const state = conversationGroupSchema.shape.state.safeParse(row.group_state);
  if (!state.success) return null;
  const role = groupRoleSchema.safeParse(row.group_role);
  return {
    groupId: row.id.slice(2),
    memberCount: row.group_member_count ?? 0,
    role: role.success ? role.data : null,
    state: state.data,
  };
}

/** A peer whose profile has not arrived yet is shown by its user id until it does. */
export function toConversation(row: ConversationRow): Conversation {
  const peer =
    row.peer_user_id === null
      ? null
      : {
          userId: row.peer_user_id,
          username: row.peer_username ?? row.peer_user_id,
          displayName: row.peer_display_name ?? row.peer_username ?? row.peer_user_id,
        };
  return {
    id: row.id,
    kind: conversationKind(row.id),
    title: peer?.displayName ?? (row.group_name || row.id),
    group: conversationGroup(row),
    peer,
    lastMessage:
      row.last_preview === null || row.last_sent_at === null
        ? null
        : { preview: row.last_preview, sentAt: row.last_sent_at, outgoing: row.last_outgoing === 1 },
    unread: row.unread,
    updatedAt: row.updated_at,
    draft: row.draft,
    pinned: row.pinned === 1,
    muted: row.muted === 1,
    mentioned: row.mentioned === 1,
  };
}
