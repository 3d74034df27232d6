import type { Migration } from '../migrate';

/**
 * File transfers: one row per image or file message whose bytes move between this device and
 * the server. An upload keeps the source path and the server's file id, so it resumes by offset
 * after a restart; the message waits (no outbox row) until the upload completes. A download
 * keeps its partial file beside the destination and the final path once done.
 */
export const migration006Transfers: Migration = {
  version: 6,
  name: '006_transfers',
  up(db) {
    db.exec(`
      CREATE TABLE transfers (
        message_id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('upload', 'download')),
        kind TEXT NOT NULL CHECK (kind IN ('file', 'image')),
        name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER CHECK (size IS NULL OR size >= 0),
        sha256 TEXT,
        file_id TEXT,
        to_user_id TEXT,
        source_path TEXT,
        target_dir TEXT,
        part_path TEXT,
        local_path TEXT,
        thumbnail_path TEXT,
        bytes_done INTEGER NOT NULL DEFAULT 0 CHECK (bytes_done >= 0),
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'paused', 'done', 'failed', 'cancelled')),
        error_code TEXT,
        error_message TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX transfers_unfinished ON transfers (created_at) WHERE state <> 'done';
    `);
  },
};
