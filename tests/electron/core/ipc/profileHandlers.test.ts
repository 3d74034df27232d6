import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { startTestServer } from '../integration/realServer';

const newDir = useTempDirs('tidings-profile-');

describe('profile:get and profile:update against the real server', () => {
  let server: ServerProcess;
  let alice: EngineClient;
  let dataDir: string;

  beforeAll(async () => {
    server = await startTestServer();
    dataDir = newDir();
    alice = createEngineClient(dataDir);
    await alice.register(server.url, 'alice', 'Alice');
  });
  afterAll(async () => {
    await alice?.close();
    await server?.stop();
  });

  it('need a signed-in account', async () => {
    const nobody = createEngineClient(newDir());
    try {
      expect(await nobody.host.dispatch('profile:get', {})).toMatchObject({
        ok: false,
        error: { code: 'not-logged-in' },
      });
    } finally {
      await nobody.close();
    }
  });

  it('reads the own profile from the server', async () => {
    const profile = await alice.call('profile:get', {});
    expect(profile).toMatchObject({ username: 'alice', displayName: 'Alice', signature: '', avatar: null });
  });

  it('changes the name and signature on the server, in account.json and with an event', async () => {
    const updated = await alice.call('profile:update', {
      displayName: '  Alice Liddell ',
      signature: '好奇心',
    });
    expect(updated).toMatchObject({ displayName: 'Alice Liddell', signature: '好奇心' });
    expect(await alice.call('profile:get', {})).toEqual(updated);

    const record = JSON.parse(fs.readFileSync(path.join(dataDir, 'account.json'), 'utf8')) as {
      account: { displayName: string };
    };
    expect(record.account.displayName).toBe('Alice Liddell');
    expect(await alice.call('auth:current', {})).toMatchObject({ displayName: 'Alice Liddell' });
    expect(alice.events).toContainEqual({ name: 'profile:changed', payload: { profile: updated } });

    // Only the signature: the name stays.
    const signatureOnly = await alice.call('profile:update', { signature: '' });
    expect(signatureOnly).toMatchObject({ displayName: 'Alice Liddell', signature: '' });
  });

  it('refuses bad input before it reaches the server, and the profile stays', async () => {
    for (const bad of [{}, { displayName: '   ' }, { signature: 'x'.repeat(201) }, { avatar: 'a' }]) {
      expect(await alice.host.dispatch('profile:update', bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(await alice.call('profile:get', {})).toMatchObject({ displayName: 'Alice Liddell' });
  });
});
