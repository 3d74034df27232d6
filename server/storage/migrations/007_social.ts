import type { Migration } from '../migrate';

/**
 * Friends and blocks.
 *
 * `friendships` holds one row per direction: the user's view of the peer (`outgoing` request,
 * `incoming` request, or `friend`), so each side's list is one indexed range and a request's
 * words live with the side that shows them. `blocks` is one-way: the blocker's choice.
 *
 * Groups: `groups` (a dissolved group keeps its row, read-only, with `dissolved_at`) and
 * `group_members`, which keeps a member who left with `left_seq`, the group conversation's
 * sequence of the notice of their exit: they may read up to it and no further.
 * `member_count` counts current members (it picks the large-group cursor path without a
 * count per message). Current members are also in `conversation_members` (read state).
 *
 * `presence_settings` holds each user's presence privacy (a missing row: last-seen shown).
 *
 * `inbox_events.data` carries the JSON details of event kinds that are not about a
 * conversation (a `friend` event's action and request words); `actor_id` is the peer.
 */
export const migration007: Migration = {
  version: 7,
  name: '007_social',
  up(db) {
    db.exec(`
      CREATE TABLE friendships (
        user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        peer_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        state      TEXT    NOT NULL CHECK (state IN ('outgoing', 'incoming', 'friend')),
        message    TEXT    NOT NULL DEFAULT '',
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, peer_id),
        CHECK (user_id <> peer_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE blocks (
        user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        blocked_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, blocked_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE groups (
        id           INTEGER PRIMARY KEY,
        name         TEXT    NOT NULL,
        notice       TEXT    NOT NULL DEFAULT '',
        owner_id     INTEGER NOT NULL REFERENCES users(id),
        member_count INTEGER NOT NULL CHECK (member_count >= 0),
        created_at   INTEGER NOT NULL,
        dissolved_at INTEGER
      ) STRICT;

      CREATE TABLE group_members (
        group_id  INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role      TEXT    NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
        nickname  TEXT    NOT NULL DEFAULT '',
        joined_at INTEGER NOT NULL,
        left_seq  INTEGER,
        PRIMARY KEY (group_id, user_id)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX group_members_by_user ON group_members(user_id, group_id);

      CREATE TABLE presence_settings (
        user_id        INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        hide_last_seen INTEGER NOT NULL CHECK (hide_last_seen IN (0, 1))
      ) STRICT;

      ALTER TABLE inbox_events ADD COLUMN data TEXT;
    `);
  },
};
