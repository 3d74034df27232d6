import type { Migration } from '../migrate';

/**
 * Why the server refused an outgoing message (blocked, no longer a group member, …), kept
 * with the failed message so the UI can say it rather than only "failed". JSON {code, message};
 * null while the message is not failed or failed for lack of an answer.
 */
export const migration007MessageFailure: Migration = {
  version: 7,
  name: '007_message_failure',
  up(db) {
    db.exec(`ALTER TABLE messages ADD COLUMN failure TEXT CHECK (failure IS NULL OR json_valid(failure))`);
  },
};
