import type { Migration } from '../migrate';
import { migration001Initial } from './001_initial';

/** Every schema step in order; a new one is appended with the next number and its own test. */
export const migrations: readonly Migration[] = [migration001Initial];
