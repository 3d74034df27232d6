#!/usr/bin/env node
// The Tidings admin CLI (broadcasts, users, stats) over the server's admin API.
import { ensureBuilt } from '../scripts/ensureBuilt.mjs';

await ensureBuilt('admin-cli/main.mjs');
await import('../dist/admin-cli/main.mjs');
