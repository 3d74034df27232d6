import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { closeAliceAndBob, registerAliceAndBob } from './aliceAndBob';

const newDir = useTempDirs('tidings-it-');
let server: ServerProcess;
let alice: EngineClient;
let bob: EngineClient;

beforeAll(async () => {
  server = await startServer({ dataDir: newDir() });
  ({ alice, bob } = await registerAliceAndBob(server.url, newDir));
});

afterAll(async () => {
  await closeAliceAndBob(alice, bob, server);
});

describe('server killed and restarted', () => {
  it('drains alice’s outbox after the restart and bob gets every message exactly once, in order', async () => {
    const conversation = await alice.call('conversations:open', { username: 'bob' });
    const before = await alice.call('messages:send', {
      conversationId: conversation.id,
      text: 'before the crash',
    });
    await bob.waitForText('before the crash');
    await alice.waitForStatus(before.id, 'sent');
    const aliceLogins = alice.logger.count('connection.ready');
    const bobLogins = bob.logger.count('connection.ready');

    await server.kill();
    await waitFor(
      () => alice.logger.count('connection.lost') > 0 && bob.logger.count('connection.lost') > 0,
      {
        what: 'both engines notice the lost link',
      },
    );

    const texts = ['written offline 1', 'written offline 2 ✈️', 'written offline 3'];
    const offline = [];
    for (const text of texts)
      offline.push(await alice.call('messages:send', { conversationId: conversation.id, text }));
    expect(offline.map((m) => m.status)).toEqual(['sending', 'sending', 'sending']);
    // Durable before any network: the outbox rows are on disk while the server is down.
    expect(alice.query<{ fp: string }>('SELECT fp FROM outbox ORDER BY created_at, rowid')).toEqual(
      offline.map((m) => ({ fp: m.id })),
    );

    server = await startServer({ port: server.port, dataDir: server.dataDir });
    await alice.waitForLogins(aliceLogins + 1);
    await bob.waitForLogins(bobLogins + 1);

    for (const message of offline) await alice.waitForStatus(message.id, 'sent');
    for (const text of texts) await bob.waitForText(text);
    expect(alice.query('SELECT * FROM outbox')).toEqual([]);

    // A later message is the barrier: a duplicate of anything before it would have arrived first.
    const barrier = await alice.call('messages:send', {
      conversationId: conversation.id,
      text: 'after the restart',
    });
    await bob.waitForText('after the restart');
    await alice.waitForStatus(barrier.id, 'sent');

    for (const message of [before, ...offline, barrier]) {
      expect(bob.messageEvents().filter((m) => m.id === message.id)).toHaveLength(1);
    }
    expect(bob.query<{ fp: string; seq: number }>('SELECT fp, seq FROM messages ORDER BY seq')).toEqual(
      [before, ...offline, barrier].map((m, i) => ({ fp: m.id, seq: i + 1 })),
    );
    const bobTimeline = await bob.call('messages:list', { conversationId: conversation.id });
    expect(bobTimeline.map((m) => m.body.text)).toEqual(['before the crash', ...texts, 'after the restart']);
  });

  it('delivers what a closed engine left in its outbox once the account signs in again', async () => {
    const conversation = await alice.call('conversations:open', { username: 'bob' });
    await server.kill();
    const stranded = await alice.call('messages:send', {
      conversationId: conversation.id,
      text: 'left in the outbox',
    });
    await alice.close();

    server = await startServer({ port: server.port, dataDir: server.dataDir });
    const dataDir = alice.dataDir;
    alice = createEngineClient(dataDir);
    await alice.login(server.url, 'alice');
    // Same data dir, same account file: the history and the pending message are still there.
    expect((await alice.call('messages:list', { conversationId: conversation.id })).at(-1)).toMatchObject({
      id: stranded.id,
    });
    await alice.waitForStatus(stranded.id, 'sent');
    await bob.waitForText('left in the outbox');
    expect(alice.query('SELECT * FROM outbox')).toEqual([]);
    expect(bob.query('SELECT COUNT(*) AS n FROM messages WHERE fp = ?', stranded.id)).toEqual([{ n: 1 }]);
  });
});
