import { describe, expect, it } from 'vitest';
import { directConversationId } from '../../../shared/protocol';
import { tempDir } from '../../helpers/serverProcess';
import { queryDb } from '../helpers/serverFiles';
import { pair, startCoreServer } from './helpers/coreServer';
import {
  call,
  connectStock,
  connectTidings,
  isStockPush,
  messageEventFor,
  sendText,
  takeAck,
  takeNotifyWith,
  takeStockPush,
} from './helpers/devices';

describe('crash safety', () => {
  it('a message ACKed just before kill -9 survives, and reaches both kinds of device after a restart', async () => {
    const dataDir = tempDir('tidings-crash-');
    const first = await startCoreServer({}, { dataDir });
    const [alice, bob] = await pair(first.url);
    const a = await connectTidings(first.wsUrl, alice);
    const fp = sendText(a, bob.userId, 'survive the crash');
    const ack = await takeAck(a, fp);
    await first.kill();

    const second = await startCoreServer({}, { dataDir });
    try {
      const tidings = await connectTidings(second.wsUrl, bob);
      expect(tidings.hello.cursors.inbox).toBe(1);
      const page = await call(tidings, 'sync.inbox', { after: 0 });
      expect(page.events).toHaveLength(1);
      expect(page.events[0]).toMatchObject({
        type: 'message',
        conversationId: directConversationId(alice.userId, bob.userId),
        message: { fp, senderId: alice.userId, seq: 1, body: { text: 'survive the crash' } },
      });
      const stock = await connectStock(second.wsUrl, bob);
      expect((await takeStockPush(stock, fp)).dataContent).toBe('survive the crash');

      // De-duplication survives the restart too: Alice's retransmission gets the same ACK.
      const again = await connectTidings(second.wsUrl, alice);
      sendText(again, bob.userId, 'survive the crash', fp);
      expect(await takeAck(again, fp)).toEqual(ack);
      const marker = sendText(again, bob.userId, 'marker');
      await takeNotifyWith(tidings, messageEventFor(marker));
      await takeStockPush(stock, marker);
      expect(stock.received.filter((f) => isStockPush(f) && f.fp === fp)).toHaveLength(1);
      expect(queryDb(second.dataDir, 'SELECT id FROM messages WHERE fp = ?', fp)).toHaveLength(1);
      for (const client of [tidings, stock, again]) client.close();
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('SIGTERM closes sockets with 1001 and exits 0; the data is there on restart', async () => {
    const dataDir = tempDir('tidings-stop-');
    const first = await startCoreServer({}, { dataDir });
    const [alice, bob] = await pair(first.url);
    const a = await connectTidings(first.wsUrl, alice);
    const fp = sendText(a, bob.userId, 'before shutdown');
    await takeAck(a, fp);
    expect(await first.stop()).toBe(0);
    expect(await a.waitClosed()).toMatchObject({ code: 1001 });

    const second = await startCoreServer({}, { dataDir });
    try {
      const stock = await connectStock(second.wsUrl, bob);
      await takeStockPush(stock, fp);
      stock.close();
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
