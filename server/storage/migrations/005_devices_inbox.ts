import type { Migration } from '../migrate';

/**
 * Devices and the private inbox (notify-pull sync).
 *
 * A user may have several devices; stock MobileIMSDK clients share the user's one default
 * device (`stock`). `inbox_ack` is how far a device has acknowledged its user's inbox: the
 * cursor it last pulled from (Tidings devices) or the last event its QoS pushes were ACKed up
 * to (stock devices), so a stock device's offline messages are what lies after it.
 *
 * `inbox_events` are small pointer events (a message, a recall, a read-state change, a
 * receipt) numbered per user without gaps: `inboxes.last_seq` is bumped in the transaction that
 * appends, as `conversations.last_seq` is for messages. `floor_seq` is the newest event that
 * retention has deleted; a cursor below it cannot be served. `ref_seq` is the message sequence
 * (message, recall) or the read sequence (read, receipt); `actor_id` is who acted (recall,
 * receipt). Later event kinds add columns. The `at` index serves retention.
 *
 * The inbox replaces the per-recipient `deliveries` rows of 003, which are dropped.
 */
export const migration005: Migration = {
  version: 5,
  name: '005_devices_inbox',
  up(db) {
    db.exec(`
      CREATE TABLE devices (
        user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        device_id    TEXT    NOT NULL,
        kind         TEXT    NOT NULL CHECK (kind IN ('stock', 'tidings')),
        created_at   INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        inbox_ack    INTEGER NOT NULL DEFAULT 0 CHECK (inbox_ack >= 0),
        PRIMARY KEY (user_id, device_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE inboxes (
        user_id   INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        last_seq  INTEGER NOT NULL CHECK (last_seq >= 0),
        floor_seq INTEGER NOT NULL DEFAULT 0 CHECK (floor_seq >= 0 AND floor_seq <= last_seq)
      ) STRICT;

      CREATE TABLE inbox_events (
        user_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        seq             INTEGER NOT NULL CHECK (seq > 0),
        type            TEXT    NOT NULL,
        at              INTEGER NOT NULL,
        conversation_id TEXT,
        ref_seq         INTEGER,
        actor_id        INTEGER,
        PRIMARY KEY (user_id, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX inbox_events_by_time ON inbox_events(at);

      DROP TABLE deliveries;
    `);
  },
};
