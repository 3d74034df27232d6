import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BroadcastNotice } from '../../../../shared/ipc/channels/broadcasts';
import { SYSTEM_NOTICES_CONVERSATION_ID } from '../../../../shared/ipc';
import { waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createDraft, transition } from '../../../server/broadcasts/helpers';
import { ADMIN_TOKEN } from '../../../server/sync/helpers/coreServer';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { startTestServer } from '../integration/realServer';

const newDir = useTempDirs('tidings-notices-');
let server: ServerProcess;
let engine: EngineClient | undefined;

beforeAll(async () => {
  server = await startTestServer(
    { timings: { broadcastNotifyJitterMs: 0, publicInboxRefreshMs: 100 } },
    { args: ['--admin-token', ADMIN_TOKEN] },
  );
});

afterAll(async () => {
  await engine?.close();
  await server.stop();
});

const notices = (client: EngineClient): BroadcastNotice[] =>
  client.events.flatMap((e) => (e.name === 'broadcasts:changed' ? e.payload.notices : []));
const removed = (client: EngineClient, reason: 'recalled' | 'expired'): string[] =>
  client.events.flatMap((e) =>
    e.name === 'broadcasts:removed' && e.payload.reason === reason ? e.payload.ids : [],
  );
const storedNotices = (client: EngineClient): { fp: string; kind: string }[] =>
  client.query(
    'SELECT fp, kind FROM messages WHERE conversation_id = ? ORDER BY seq',
    SYSTEM_NOTICES_CONVERSATION_ID,
  );

describe('broadcast notices in the engine', () => {
  it('shows published broadcasts in System notices, removes recalled and expired ones', async () => {
    // Published before the user even exists: a newcomer still gets it.
    const early = await createDraft(server.url, { title: 'Welcome', body: 'Read the guide' });
    await transition(server.url, early.id, 'publish');

    const dataDir = newDir();
    engine = createEngineClient(dataDir);
    await engine.register(server.url, 'noticer', 'Noticer');
    const client = engine;
    await waitFor(() => notices(client).some((n) => n.id === `broadcast:${early.id}`), {
      what: 'the early notice',
    });

    const conversations = await client.call('conversations:list', {});
    expect(conversations.find((c) => c.id === SYSTEM_NOTICES_CONVERSATION_ID)).toMatchObject({
      kind: 'system',
      title: 'System notices',
      unread: 1,
      lastMessage: { preview: 'Welcome', outgoing: false },
    });
    const listed = await client.call('messages:list', { conversationId: SYSTEM_NOTICES_CONVERSATION_ID });
    expect(listed).toMatchObject([
      {
        id: `broadcast:${early.id}`,
        kind: 'broadcast',
        outgoing: false,
        body: { title: 'Welcome', body: 'Read the guide', expiresAt: null },
      },
    ]);

    // Read state of notices stays on the device: the server has none to tell.
    const read = await client.call('conversations:markRead', {
      conversationId: SYSTEM_NOTICES_CONVERSATION_ID,
    });
    expect(read.unread).toBe(0);
    await client.call('sync:now', {});
    expect(client.logger.count('sync.failed') + client.logger.count('sync.read-mark-failed')).toBe(0);

    // Live: a notify makes the engine pull; then a recall deletes the notice already shown.
    const oops = await createDraft(server.url, { title: 'Wrong price', body: '1 cent' });
    await transition(server.url, oops.id, 'publish');
    await waitFor(() => notices(client).some((n) => n.id === `broadcast:${oops.id}`), {
      what: 'the live notice',
    });
    await transition(server.url, oops.id, 'recall');
    await waitFor(() => removed(client, 'recalled').includes(`broadcast:${oops.id}`), { what: 'the recall' });
    expect(storedNotices(client).map((r) => r.fp)).toEqual([`broadcast:${early.id}`]);
    expect(
      client.events.some(
        (e) => e.name === 'messages:removed' && e.payload.ids.includes(`broadcast:${oops.id}`),
      ),
    ).toBe(true);

    // Expiry: the engine's own timer removes it, with no pull in between.
    const flash = await createDraft(server.url, {
      title: 'Flash sale',
      body: 'two seconds',
      expiresAt: Date.now() + 2_000,
    });
    await transition(server.url, flash.id, 'publish');
    await waitFor(() => notices(client).some((n) => n.id === `broadcast:${flash.id}`), {
      what: 'the flash notice',
    });
    await waitFor(() => removed(client, 'expired').includes(`broadcast:${flash.id}`), {
      what: 'the expiry',
      timeoutMs: 30_000,
    });
    expect(storedNotices(client).map((r) => r.fp)).toEqual([`broadcast:${early.id}`]);
  });

  it('catches up after a restart: what was published meanwhile arrives, what was recalled is gone', async () => {
    const client = engine;
    if (!client) throw new Error('the first test did not run');
    const dataDir = client.dataDir;
    const kept = await createDraft(server.url, { title: 'Stays', body: 'b' });
    await transition(server.url, kept.id, 'publish');
    await waitFor(() => notices(client).some((n) => n.id === `broadcast:${kept.id}`), {
      what: 'the kept notice',
    });
    await client.close();
    engine = undefined;

    await transition(server.url, kept.id, 'recall');
    const offline = await createDraft(server.url, { title: 'While you were away', body: 'b' });
    await transition(server.url, offline.id, 'publish');

    engine = createEngineClient(dataDir);
    const restarted = engine;
    await restarted.restored();
    await waitFor(() => notices(restarted).some((n) => n.id === `broadcast:${offline.id}`), {
      what: 'the notice published while closed',
    });
    await waitFor(() => removed(restarted, 'recalled').includes(`broadcast:${kept.id}`), {
      what: 'the recall made while closed',
    });
    expect(storedNotices(restarted).map((r) => r.fp)).not.toContain(`broadcast:${kept.id}`);
    expect(storedNotices(restarted).map((r) => r.fp)).toContain(`broadcast:${offline.id}`);
  });
});
