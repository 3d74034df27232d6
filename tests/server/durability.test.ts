import { describe, expect, it } from 'vitest';
import { FrameType } from '../../shared/protocol';
import { startServer, tempDir } from '../helpers/serverProcess';
import { registerUser } from './helpers/api';
import { queryDb } from './helpers/serverFiles';
import { connectAs, isPush, pushedMessage, sendText, takeAck, takePush } from './helpers/wsClient';

describe('crash safety', () => {
  it('a message ACKed just before kill -9 is delivered after a restart on the same data dir', async () => {
    const dataDir = tempDir('tidings-crash-');
    const first = await startServer({ dataDir });
    const alice = await registerUser(first.url, 'alice');
    const bob = await registerUser(first.url, 'bob');
    const aliceWs = await connectAs(first.wsUrl, alice);

    const fp = sendText(aliceWs, bob.userId, 'survive the crash');
    const ack = await takeAck(aliceWs, fp);
    await first.kill();

    const second = await startServer({ dataDir });
    try {
      const bobWs = await connectAs(second.wsUrl, bob);
      const push = await takePush(bobWs, fp);
      expect(pushedMessage(push)).toMatchObject({
        fp,
        senderId: alice.userId,
        seq: 1,
        body: { text: 'survive the crash' },
      });

      // De-duplication survives the restart too: Alice's retransmission gets the same ACK.
      const aliceAgain = await connectAs(second.wsUrl, alice);
      sendText(aliceAgain, bob.userId, 'survive the crash', fp);
      expect(await takeAck(aliceAgain, fp)).toEqual(ack);
      const marker = sendText(aliceAgain, bob.userId, 'marker');
      await takePush(bobWs, marker);
      expect(bobWs.received.filter((f) => isPush(f) && f.fp === fp)).toHaveLength(1);
      expect(queryDb(second.dataDir, 'SELECT id FROM messages WHERE fp = ?', fp)).toHaveLength(1);
      aliceAgain.close();
      bobWs.close();
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('SIGTERM closes sockets with 1001 and exits 0; the data is there on restart', async () => {
    const dataDir = tempDir('tidings-stop-');
    const first = await startServer({ dataDir });
    const alice = await registerUser(first.url, 'alice');
    const bob = await registerUser(first.url, 'bob');
    const aliceWs = await connectAs(first.wsUrl, alice);
    const fp = sendText(aliceWs, bob.userId, 'before shutdown');
    await takeAck(aliceWs, fp);

    expect(await first.stop()).toBe(0);
    expect(await aliceWs.waitClosed()).toMatchObject({ code: 1001 });

    const second = await startServer({ dataDir });
    try {
      const bobWs = await connectAs(second.wsUrl, bob);
      await takePush(bobWs, fp);
      expect(bobWs.received.some((f) => f.type === FrameType.loginResponse)).toBe(true);
      bobWs.close();
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
