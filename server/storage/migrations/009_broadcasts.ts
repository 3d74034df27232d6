import type { Migration } from '../migrate';

/**
 * Broadcasts and the public inbox (docs/PROTOCOL.md, "Broadcasts"). A broadcast is one row,
 * never copied per user. `public_seq` is its current place in the public inbox: it takes the
 * next `public_inbox.last_seq` whenever it becomes visible or changes while visible
 * (pre-release, an edit or whitelist change then, publication, recall), so nothing ever lands
 * under a cursor that already passed. `revision` counts every change, so a server refreshing
 * its in-memory copy can tell in one read whether anything changed. `audience` is JSON
 * (shared/protocol/broadcasts.ts). `visible_at` is when the users first saw it.
 */
export const migration009: Migration = {
  version: 9,
  name: '009_broadcasts',
  up(db) {
    db.exec(`
      CREATE TABLE broadcasts (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        title        TEXT    NOT NULL,
        body         TEXT    NOT NULL,
        state        TEXT    NOT NULL
                     CHECK (state IN ('draft', 'prerelease', 'published', 'stopped', 'recalled')),
        audience     TEXT    NOT NULL DEFAULT '{}',
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        visible_at   INTEGER,
        published_at INTEGER,
        expires_at   INTEGER,
        public_seq   INTEGER UNIQUE
      ) STRICT;

      CREATE INDEX broadcasts_by_state ON broadcasts(state);

      CREATE TABLE broadcast_whitelist (
        broadcast_id INTEGER NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
        user_id      INTEGER NOT NULL,
        PRIMARY KEY (broadcast_id, user_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE public_inbox (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
        revision INTEGER NOT NULL CHECK (revision >= 0)
      ) STRICT;

      INSERT INTO public_inbox (id, last_seq, revision) VALUES (1, 0, 0);
    `);
  },
};
