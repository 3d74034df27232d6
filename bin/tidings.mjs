#!/usr/bin/env node
// The headless Tidings client (CLI) on the same engine as the desktop app.
import { ensureBuilt } from '../scripts/ensureBuilt.mjs';

await ensureBuilt('cli/main.mjs');
await import('../dist/cli/main.mjs');
