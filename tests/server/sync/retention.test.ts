import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directConversationId } from '../../../shared/protocol';
import { waitFor, type ServerProcess } from '../../helpers/serverProcess';
import { queryDb } from '../helpers/serverFiles';
import { pair, startCoreServer } from './helpers/coreServer';
import { call, command, connectTidings, failing, sendText, takeAck } from './helpers/devices';

let server: ServerProcess;

beforeAll(async () => {
  // Inbox events live 300 ms here; expired ones are deleted every 100 ms.
  server = await startCoreServer({ timings: { inboxRetentionMs: 300, inboxPruneIntervalMs: 100 } });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

describe('inbox retention', () => {
  it('answers a cursor older than what is kept with cursor-reset; the device resyncs from the conversations', async () => {
    const [alice, bob] = await pair(server.url);
    const a = await connectTidings(server.wsUrl, alice);
    for (const text of ['old one', 'old two']) await takeAck(a, sendText(a, bob.userId, text));
    await waitFor(
      () =>
        queryDb<{ floor_seq: number }>(
          server.dataDir,
          'SELECT floor_seq FROM inboxes WHERE user_id = ?',
          Number(bob.userId),
        )[0]?.floor_seq === 2,
      { what: 'the events to expire' },
    );
    // The pruner logs after its transaction: the line may trail the rows it removed.
    await waitFor(() => server.output().includes('inbox events pruned'), { what: 'the pruner to log' });

    const b = await connectTidings(server.wsUrl, bob);
    expect(b.hello.cursors.inbox).toBe(2);
    const reply = await command(b, 'sync.inbox', { after: 0 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'cursor-reset' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/sync.conversations/);

    // The reset path: conversation list, history, then pull from the list's inbox cursor.
    const list = await call(b, 'sync.conversations', {});
    const conversationId = directConversationId(alice.userId, bob.userId);
    expect(list).toEqual({
      inbox: 2,
      conversations: [{ id: conversationId, lastSeq: 2, readSeq: 0, peerReadSeq: 2 }],
    });
    const history = await call(b, 'sync.history', { conversationId });
    expect(history.messages.map((m) => m.body.text)).toEqual(['old one', 'old two']);
    expect(await call(b, 'sync.inbox', { after: list.inbox })).toEqual({
      events: [],
      max: 2,
      hasMore: false,
    });
    a.close();
    b.close();
  });

  it('answers a cursor beyond the inbox head with cursor-reset too', async () => {
    const [alice] = await pair(server.url);
    const a = await connectTidings(server.wsUrl, alice);
    expect(await failing(a, 'sync.inbox', { after: 1 })).toBe('cursor-reset');
    a.close();
  });
});
