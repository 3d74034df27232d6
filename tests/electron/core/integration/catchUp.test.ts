import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directConversationId } from '../../../../shared/protocol';
import { waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { registerHttp, sendMany, startTestServer, type HttpUser } from './realServer';

const newDir = useTempDirs('tidings-it-');
let server: ServerProcess;
let alice: HttpUser;
let bob: EngineClient;
const COUNT = 2_000;

beforeAll(async () => {
  server = await startTestServer();
  alice = await registerHttp(server.url, 'alice');
  bob = createEngineClient(newDir(), { tuning: { backfillIntervalMs: 1 } });
  await bob.register(server.url, 'bob', 'Bob');
  await waitFor(async () => (await bob.call('sync:get', {})).lastSyncedAt !== null, {
    what: 'bob’s first sync',
  });
});

afterAll(async () => {
  await bob?.close();
  await server?.stop();
});

describe('catching up', () => {
  it('pulls thousands of messages written while it was offline, each once and in order', async () => {
    const dataDir = bob.dataDir;
    await bob.close();
    const texts = Array.from({ length: COUNT }, (_, i) => `offline ${i + 1}`);
    await sendMany(server.wsUrl, alice, bob.account.userId, texts);

    bob = createEngineClient(dataDir, { tuning: { backfillIntervalMs: 1 } });
    const conversationId = directConversationId(alice.userId, (await bob.restored()).userId);
    await waitFor(() => bob.query<{ n: number }>('SELECT COUNT(*) AS n FROM messages')[0]?.n === COUNT, {
      what: `${COUNT} messages`,
      timeoutMs: 60_000,
    });
    const seqs = bob.query<{ seq: number }>(
      'SELECT seq FROM messages WHERE conversation_id = ? ORDER BY seq',
      conversationId,
    );
    expect(seqs.map((r) => r.seq)).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
    // The commit is visible in the file a moment before its answer reaches the engine's thread.
    await waitFor(() => new Set(bob.messageEvents().map((m) => m.id)).size === COUNT, {
      what: 'every event',
    });
    const emitted = bob.messageEvents();
    expect(emitted.length).toBe(COUNT);
    // Applied page by page, a few hundred per transaction, with progress on the way.
    const phases = bob.events.flatMap((e) => (e.name === 'sync:progress' ? [e.payload] : []));
    expect(phases.some((p) => p.phase === 'inbox' && p.applied > 0 && p.applied < COUNT)).toBe(true);
    const page = await bob.call('messages:list', { conversationId, limit: 3 });
    expect(page.map((m) => m.body.text)).toEqual([
      `offline ${COUNT - 2}`,
      `offline ${COUNT - 1}`,
      `offline ${COUNT}`,
    ]);
    await waitFor(async () => (await bob.call('conversations:list', {}))[0]?.unread === COUNT, {
      what: 'unread',
    });
  });

  it('a new device shows the newest page first and backfills the whole history in the background', async () => {
    const tablet = createEngineClient(newDir(), { tuning: { backfillIntervalMs: 1 } });
    try {
      await tablet.login(server.url, 'bob');
      const conversationId = directConversationId(alice.userId, tablet.account.userId);
      await waitFor(() => tablet.messageEvents().some((m) => m.body.text === `offline ${COUNT}`), {
        what: 'newest',
      });
      await waitFor(
        async () => {
          const progress = await tablet.call('sync:get', {});
          return (
            progress.backfillRemaining === 0 && progress.phase === 'idle' && progress.lastSyncedAt !== null
          );
        },
        { what: 'backfill finished', timeoutMs: 60_000 },
      );
      expect(
        tablet.query('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?', conversationId),
      ).toEqual([{ n: COUNT }]);
      // The newest page came first; older pages followed in the background.
      const first = tablet.messageEvents().findIndex((m) => m.body.text === `offline ${COUNT}`);
      const oldest = tablet.messageEvents().findIndex((m) => m.body.text === 'offline 1');
      expect(first).toBeLessThan(oldest);
      const phases = tablet.events.flatMap((e) => (e.name === 'sync:progress' ? [e.payload.phase] : []));
      expect(phases).toContain('backfill');
      expect(
        (await tablet.call('messages:list', { conversationId, beforeSeq: 2, limit: 5 })).map(
          (m) => m.body.text,
        ),
      ).toEqual(['offline 1']);
    } finally {
      await tablet.close();
    }
  });
});
