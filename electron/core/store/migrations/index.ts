import type { Migration } from '../migrate';
import { migration001Initial } from './001_initial';
import { migration002MessageState } from './002_message_state';
import { migration003SyncSocialSettings } from './003_sync_social_settings';
import { migration004Contacts } from './004_contacts';
import { migration005Groups } from './005_groups';
import { migration006Transfers } from './006_transfers';
import { migration007MessageFailure } from './007_message_failure';

/** The highest number the engine may use; 10 and above belong to store extensions (search). */
export const ENGINE_MIGRATION_MAX = 9;

/**
 * The engine's schema steps in order; a new one is appended with the next number (≤ 9) and
 * its own test.
 */
export const migrations: readonly Migration[] = [
  migration001Initial,
  migration002MessageState,
  migration003SyncSocialSettings,
  migration004Contacts,
  migration005Groups,
  migration006Transfers,
  migration007MessageFailure,
];
