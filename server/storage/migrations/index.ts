import type { Migration } from '../migrate';
import { migration001 } from './001_users';
import { migration002 } from './002_messages';
import { migration003 } from './003_deliveries';
import { migration004 } from './004_auth_profiles';
import { migration005 } from './005_devices_inbox';
import { migration006 } from './006_read_state_recall';
import { migration007 } from './007_social';
import { migration008 } from './008_files';
import { migration009 } from './009_broadcasts';

/** In order; a new step is appended here and never edited once released. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
];
