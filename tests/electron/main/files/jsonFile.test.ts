import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonFile, writeJsonFile, writeJsonFileSync } from '../../../../electron/main/files/jsonFile';
import { useTempDirs } from '../helpers/tempDirs';

const newDir = useTempDirs('tidings-json-');

describe('JSON files', () => {
  it('tells a missing file from a corrupt one', async () => {
    const dir = newDir();
    expect(await readJsonFile(path.join(dir, 'none.json'))).toEqual({ kind: 'missing' });
    fs.writeFileSync(path.join(dir, 'bad.json'), '{');
    expect((await readJsonFile(path.join(dir, 'bad.json'))).kind).toBe('corrupt');
  });

  it('writes whole files into new folders, leaving no temporary files', async () => {
    const dir = newDir();
    const file = path.join(dir, 'nested', 'state.json');
    await writeJsonFile(file, { a: 1 });
    writeJsonFileSync(path.join(dir, 'nested', 'sync.json'), [1, 2]);
    await writeJsonFile(file, { a: 2 });
    expect(await readJsonFile(file)).toEqual({ kind: 'ok', value: { a: 2 } });
    expect(fs.readdirSync(path.join(dir, 'nested')).sort()).toEqual(['state.json', 'sync.json']);
  });

  it('keeps the previous version when a write fails', async () => {
    const dir = newDir();
    const file = path.join(dir, 'state.json');
    await writeJsonFile(file, { a: 1 });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(writeJsonFile(file, cyclic)).rejects.toThrow();
    expect(() => writeJsonFileSync(file, cyclic)).toThrow();
    expect(await readJsonFile(file)).toEqual({ kind: 'ok', value: { a: 1 } });
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
  });
});
