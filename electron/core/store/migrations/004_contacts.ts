import type { Migration } from '../migrate';

/**
 * Friends, requests and presence as sync brings them (docs/PROTOCOL.md, "Social"). A contact
 * row is also the profile cache of anyone the user has a request with; a friendship that ends
 * leaves a tombstone (`relation` none, `removed_at` set) that keeps the remark and tells a
 * late-arriving older event apart from a new one.
 */
export const migration004Contacts: Migration = {
  version: 4,
  name: '004_contacts',
  up(db) {
    db.exec(`
      ALTER TABLE contacts ADD COLUMN relation TEXT NOT NULL DEFAULT 'none'
        CHECK (relation IN ('none', 'friend'));
      ALTER TABLE contacts ADD COLUMN blocked INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1));
      ALTER TABLE contacts ADD COLUMN friends_since INTEGER;
      ALTER TABLE contacts ADD COLUMN removed_at INTEGER;
      CREATE INDEX contacts_listed ON contacts (relation, blocked);

      CREATE TABLE friend_requests (
        peer_id TEXT PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
        message TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE presence (
        user_id TEXT PRIMARY KEY,
        online INTEGER NOT NULL CHECK (online IN (0, 1)),
        last_seen INTEGER,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
