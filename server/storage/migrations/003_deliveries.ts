import type { Migration } from '../migrate';

/**
 * Which recipient still has to receive which message (realtime push with ACK, replayed at
 * login). Rows are written in the message's own transaction and clustered by message (a
 * group message's fan-out sits together); the partial index serves "what is pending for me"
 * in time proportional to what is pending, not to the recipient's history.
 */
export const migration003: Migration = {
  version: 3,
  name: '003_deliveries',
  up(db) {
    db.exec(`
      CREATE TABLE deliveries (
        message_id   INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        recipient_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        delivered_at INTEGER,
        PRIMARY KEY (message_id, recipient_id)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX deliveries_pending ON deliveries(recipient_id, message_id) WHERE delivered_at IS NULL;
    `);
  },
};
