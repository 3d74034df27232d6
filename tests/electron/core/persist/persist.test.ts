import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storageId } from '../../../../electron/core/persist/accountRecord';
import { loadDeviceId } from '../../../../electron/core/persist/deviceId';
import { createFileSecretStore } from '../../../../electron/core/persist/fileSecretStore';
import { useTempDirs } from '../helpers/tempDirs';

const newDir = useTempDirs();

describe('file secret store', () => {
  it('keeps secrets in a file only its owner can read, and forgets them on request', async () => {
    const dir = newDir();
    const secrets = createFileSecretStore(dir);
    expect(await secrets.get('a')).toBeNull();
    await Promise.all([secrets.set('a', 'one'), secrets.set('b', 'two'), secrets.set('a', 'three')]);
    expect(await secrets.get('a')).toBe('three');
    expect(await createFileSecretStore(dir).get('b')).toBe('two');
    const file = path.join(dir, 'secrets.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    await secrets.delete('a');
    expect(await secrets.get('a')).toBeNull();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reads a damaged file as empty instead of failing', async () => {
    const dir = newDir();
    fs.writeFileSync(path.join(dir, 'secrets.json'), '{ not json');
    expect(await createFileSecretStore(dir).get('a')).toBeNull();
  });
});

describe('device id', () => {
  it('is created once per data dir, also when two processes start at the same moment', async () => {
    const dir = newDir();
    let n = 0;
    const ids = await Promise.all([1, 2, 3].map(() => loadDeviceId(dir, () => `dev-${++n}`)));
    expect(new Set(ids).size).toBe(1);
    expect(await loadDeviceId(dir, () => 'other')).toBe(ids[0]);
    expect(await loadDeviceId(newDir(), () => 'other')).toBe('other');
  });
});

describe('account storage id', () => {
  it('is the user id on a Tidings server, and includes the gateway in basic mode', () => {
    expect(storageId({ userId: '42', serverUrl: 'http://a', mode: 'tidings' })).toBe('42');
    const a = storageId({ userId: '42', serverUrl: 'ws://a/websocket', mode: 'basic' });
    const b = storageId({ userId: '42', serverUrl: 'ws://b/websocket', mode: 'basic' });
    expect(a).toMatch(/^basic-[0-9a-f]{12}-42$/);
    expect(a).not.toBe(b);
  });
});
