import type { Migration } from '../migrate';

/**
 * Uploaded files and who may read them. `files` holds the metadata (the bytes live under
 * `<dataDir>/files/`); `completed_at` and `sha256` are set once every byte arrived and was
 * hashed. `file_refs` records which conversation's messages reference a file: a member of
 * such a conversation may download it (forwards keep the file id, so the ACL follows them).
 *
 * The refs are written by triggers on `messages`, not by the services, so every path that
 * stores an image or file message (a send, a forward, a group message) records them in the same
 * transaction, and a recall (which replaces the body with a tombstone) withdraws them.
 */
export const migration008: Migration = {
  version: 8,
  name: '008_files',
  up(db) {
    db.exec(`
      CREATE TABLE files (
        id              TEXT    PRIMARY KEY,
        owner_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name            TEXT    NOT NULL,
        size            INTEGER NOT NULL CHECK (size >= 0),
        mime            TEXT    NOT NULL,
        declared_sha256 TEXT,
        sha256          TEXT,
        width           INTEGER,
        height          INTEGER,
        created_at      INTEGER NOT NULL,
        completed_at    INTEGER
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX files_by_owner ON files(owner_id);
      CREATE INDEX files_incomplete ON files(created_at) WHERE completed_at IS NULL;

      CREATE TABLE file_refs (
        file_id         TEXT    NOT NULL,
        message_id      INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        conversation_id TEXT    NOT NULL,
        PRIMARY KEY (file_id, message_id)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX file_refs_by_message ON file_refs(message_id);

      CREATE TRIGGER file_refs_on_insert AFTER INSERT ON messages
      WHEN NEW.kind IN ('image', 'file')
      BEGIN
        INSERT OR IGNORE INTO file_refs (file_id, message_id, conversation_id)
        SELECT value, NEW.id, NEW.conversation_id
        FROM json_each(json_array(
          json_extract(NEW.body, '$.fileId'),
          json_extract(NEW.body, '$.thumbnailFileId')))
        WHERE type = 'text';
      END;

      CREATE TRIGGER file_refs_on_recall AFTER UPDATE OF recalled_at ON messages
      WHEN NEW.recalled_at IS NOT NULL
      BEGIN
        DELETE FROM file_refs WHERE message_id = NEW.id;
      END;
    `);
  },
};
