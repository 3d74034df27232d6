#!/usr/bin/env node
// Runs the Tidings server with plain Node: builds it first when the compiled output is missing or stale.
import { ensureBuilt } from '../scripts/ensureBuilt.mjs';

await ensureBuilt('server/main.mjs');
await import('../dist/server/main.mjs');
