import { once } from 'node:events';
import net from 'node:net';

/**
 * A TCP proxy in front of the server that passes bytes from the server to clients at most at
 * `bytesPerSecond` per connection (so a download is still running when the test acts), and can
 * cut every connection at once. When the server's side of a connection closes, the client's
 * closes too, whatever was not yet passed on is lost (as with a server that died). While the
 * server is down, new connections are closed at once, as a dead server's port would.
 */
export async function startThrottlingProxy(targetPort: number, bytesPerSecond: number) {
  const sockets = new Set<net.Socket>();
  let rate = bytesPerSecond;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
    client.pipe(upstream);
    // Server → client in slices of rate/20 every 50 ms. The upstream is read at full speed, so
    // when the server dies its connection closes at once and takes the unsent rest with it.
    const queue: Buffer[] = [];
    let timer: NodeJS.Timeout | null = null;
    const drain = (): void => {
      let budget = Math.max(1, Math.floor(rate / 20));
      while (budget > 0 && queue.length > 0 && !client.destroyed) {
        const head = queue[0] as Buffer;
        const slice = head.subarray(0, budget);
        client.write(slice);
        budget -= slice.length;
        if (slice.length === head.length) queue.shift();
        else queue[0] = head.subarray(slice.length);
      }
      if (queue.length === 0 && timer) {
        clearInterval(timer);
        timer = null;
      }
    };
    upstream.on('data', (chunk: Buffer) => {
      queue.push(chunk);
      timer ??= setInterval(drain, 50);
    });
    client.on('close', () => {
      if (timer) clearInterval(timer);
      queue.length = 0;
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setRate(bytes: number): void {
      rate = bytes;
    },
    /** Drops every open connection (as a network that went away). */
    cutAll(): void {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    async close(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
