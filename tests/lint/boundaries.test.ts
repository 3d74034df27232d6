import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/serverProcess';

/**
 * Proves the process boundaries are enforced: each fixture is linted as if it lived in the
 * folder named by `filePath`, using the project's own eslint.config.mjs (type-aware rules off,
 * since the fixtures are not part of a TypeScript project).
 */
const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('process boundaries', () => {
  it.each([
    ["import { ipcRenderer } from 'electron';", 'renderer/src/Fixture.tsx'],
    ["import fs from 'node:fs';", 'renderer/src/Fixture.tsx'],
    ["import fs from 'fs';", 'renderer/src/Fixture.tsx'],
    ["import WebSocket from 'ws';", 'renderer/src/Fixture.tsx'],
    ["import Database from 'better-sqlite3';", 'renderer/src/Fixture.tsx'],
    ["import { createEngineHost } from '../../electron/core';", 'renderer/src/Fixture.tsx'],
    ["import { startServer } from '../../server/app';", 'renderer/src/Fixture.tsx'],
    ["import { app } from 'electron';", 'electron/core/fixture.ts'],
    ["import { registerIpc } from '../main/ipc';", 'electron/core/fixture.ts'],
    ["import fs from 'node:fs';", 'shared/protocol/fixture.ts'],
    ["import WebSocket from 'ws';", 'shared/ipc/fixture.ts'],
    ["import { createEngineHost } from '../../electron/core';", 'shared/ipc/fixture.ts'],
    ["import { app } from 'electron';", 'server/fixture.ts'],
  ])('forbids %s in %s', async (code, filePath) => {
    expect(await restrictedImports(code, filePath)).not.toEqual([]);
  });

  it.each([
    ["import { channels } from '../../shared/ipc';", 'renderer/src/Fixture.tsx'],
    ["import { useState } from 'react';", 'renderer/src/Fixture.tsx'],
    ["import Database from 'better-sqlite3';", 'electron/core/fixture.ts'],
    ["import { z } from 'zod';", 'shared/ipc/fixture.ts'],
    ["import { FrameType } from '../protocol/frameTypes';", 'shared/ipc/fixture.ts'],
    ["import { app } from 'electron';", 'electron/main/fixture.ts'],
    ["import { contextBridge } from 'electron';", 'electron/preload/fixture.ts'],
  ])('allows %s in %s', async (code, filePath) => {
    expect(await restrictedImports(code, filePath)).toEqual([]);
  });

  it('forbids focused tests', async () => {
    const [result] = await eslint.lintText("import { it } from 'vitest';\nit.only('x', () => {});\n", {
      filePath: 'tests/fixture.test.ts',
    });
    expect(result?.messages.map((m) => m.ruleId)).toContain('no-restricted-syntax');
  });
});
