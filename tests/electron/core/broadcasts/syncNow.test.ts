import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_NOTICES_CONVERSATION_ID } from '../../../../shared/ipc';
import { waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createDraft, transition } from '../../../server/broadcasts/helpers';
import { ADMIN_TOKEN } from '../../../server/sync/helpers/coreServer';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { startTestServer } from '../integration/realServer';

const newDir = useTempDirs('tidings-notices-now-');
let server: ServerProcess;
let engine: EngineClient | undefined;

beforeAll(async () => {
  // Public notifies wait up to ten minutes: only "sync now" (or a keepalive) brings the notice.
  server = await startTestServer(
    { timings: { broadcastNotifyJitterMs: 600_000 } },
    { args: ['--admin-token', ADMIN_TOKEN] },
  );
});

afterAll(async () => {
  await engine?.close();
  await server.stop();
});

it('pulls the public inbox on sync:now', async () => {
  // One broadcast before: the hello's public cursor makes the engine pull once by itself.
  const first = await createDraft(server.url, { title: 'Already there', body: 'b' });
  await transition(server.url, first.id, 'publish');
  engine = createEngineClient(newDir());
  const client = engine;
  await client.register(server.url, 'syncnow', 'Sync Now');
  await waitFor(async () => (await client.call('connection:get', {})).status === 'online', {
    what: 'online',
  });
  // The first pull (after the hello) is done: what follows can only come from sync:now or a keepalive.
  await waitFor(
    () => client.query("SELECT 1 FROM sync_cursors WHERE name = 'public' AND value > 0").length === 1,
    {
      what: 'the first public pull',
    },
  );
  const draft = await createDraft(server.url, { title: 'Pulled on demand', body: 'b' });
  await transition(server.url, draft.id, 'publish');
  await client.call('sync:now', {});
  const listed = await client.call('messages:list', { conversationId: SYSTEM_NOTICES_CONVERSATION_ID });
  expect(listed.map((m) => m.id)).toEqual([`broadcast:${first.id}`, `broadcast:${draft.id}`]);
});
