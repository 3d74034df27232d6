import type { Migration } from '../migrate';
import { migration001 } from './001_users';
import { migration002 } from './002_messages';
import { migration003 } from './003_deliveries';

/** In order; a new step is appended here and never edited once released. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003];
