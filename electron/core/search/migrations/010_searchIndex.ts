import type { Migration } from '../../store/migrate';
import { defaultIndexConfig } from '../index/indexConfig';
import { prepareIndex } from '../index/indexState';

/**
 * The search tables (see index/searchSchema.ts). Later changes to the index format do not need a
 * migration: they change `index_version`, and the next open rebuilds the index.
 */
export const migration010SearchIndex: Migration = {
  version: 10,
  name: '010_search_index',
  up(db) {
    prepareIndex(db, defaultIndexConfig);
  },
};

export const searchMigrations: readonly Migration[] = [migration010SearchIndex];
