import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, waitFor, type ServerProcess } from '../../helpers/serverProcess';
import { registerUser } from '../helpers/api';
import { configArgs, queryDb } from '../helpers/serverFiles';
import { ackPush, connectAs, isPush, pushedMessage, sendText, takeAck, takePush } from '../helpers/wsClient';

let server: ServerProcess;

beforeAll(async () => {
  server = await startServer({ args: configArgs({ timings: { pushRetryMs: 250, pushMaxRetries: 2 } }) });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

describe('an unacknowledged push', () => {
  it('is pushed again up to pushMaxRetries times, then waits for the next login', async () => {
    const alice = await registerUser(server.url, 'alice');
    const bob = await registerUser(server.url, 'bob');
    const aliceWs = await connectAs(server.wsUrl, alice);
    const bobWs = await connectAs(server.wsUrl, bob);

    const fp = sendText(aliceWs, bob.userId, 'are you there?');
    await takeAck(aliceWs, fp);
    const pushes = [await takePush(bobWs, fp), await takePush(bobWs, fp), await takePush(bobWs, fp)];
    expect(new Set(pushes.map((p) => pushedMessage(p).id)).size).toBe(1);
    await waitFor(() => server.output().includes('delivery deferred to next login'), {
      what: 'retries to give up',
    });
    expect(bobWs.received.filter((f) => isPush(f) && f.fp === fp)).toHaveLength(3);

    // The next login replays it; this time Bob acknowledges.
    bobWs.close();
    await bobWs.waitClosed();
    const again = await connectAs(server.wsUrl, bob);
    const replay = await takePush(again, fp);
    expect(pushedMessage(replay)).toEqual(pushedMessage(pushes[0] ?? replay));
    ackPush(again, replay, bob.userId);
    await waitFor(
      () =>
        queryDb<{ delivered_at: number | null }>(
          server.dataDir,
          'SELECT d.delivered_at FROM deliveries d JOIN messages m ON m.id = d.message_id WHERE m.fp = ?',
          fp,
        )[0]?.delivered_at != null,
      { what: 'delivery marked' },
    );
    again.close();
    aliceWs.close();
  });

  it('an ACK from someone else does not mark it delivered', async () => {
    const alice = await registerUser(server.url, 'alice');
    const bob = await registerUser(server.url, 'bob');
    const mallory = await registerUser(server.url, 'mallory');
    const aliceWs = await connectAs(server.wsUrl, alice);
    const malloryWs = await connectAs(server.wsUrl, mallory);
    const fp = sendText(aliceWs, bob.userId, 'for Bob only');
    await takeAck(aliceWs, fp);
    malloryWs.send({ type: 4, from: bob.userId, to: alice.userId, dataContent: fp });
    // A keepalive round trip after the forged ACK: by then the server has handled it.
    malloryWs.send({ type: 1, dataContent: '{}' });
    await malloryWs.takeType(51);
    const pending = queryDb<{ delivered_at: number | null }>(
      server.dataDir,
      'SELECT d.delivered_at FROM deliveries d JOIN messages m ON m.id = d.message_id WHERE m.fp = ?',
      fp,
    );
    expect(pending).toEqual([{ delivered_at: null }]);
    aliceWs.close();
    malloryWs.close();
  });
});
