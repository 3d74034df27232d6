// The baseline for the server benchmark: a bare `ws` relay speaking the same MobileIMSDK v6
// envelope, with no persistence, no validation beyond JSON.parse and no sync: login is always
// accepted, a data frame is forwarded unchanged to `to` and ACKed to the sender at once.
// Our server's figures are reported as ratios to this, run on the same machine in the same run.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 0);
const online = new Map();
const server = http.createServer((_req, res) => res.end('ok'));
const wss = new WebSocketServer({ server, path: '/websocket', perMessageDeflate: false, maxPayload: 65536 });

wss.on('connection', (socket) => {
  let userId = null;
  socket.on('message', (data) => {
    let frame;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      socket.close(1000);
      return;
    }
    if (frame.type === 0) {
      userId = JSON.parse(frame.dataContent).loginUserId;
      online.set(userId, socket);
      socket.send(
        JSON.stringify({
          type: 50,
          dataContent: JSON.stringify({ code: 0, firstLoginTime: Date.now() }),
          from: '0',
          to: userId,
        }),
      );
    } else if (frame.type === 1) {
      socket.send(JSON.stringify({ type: 51, dataContent: '{}', from: '0', to: userId }));
    } else if (frame.type === 2) {
      online.get(frame.to)?.send(JSON.stringify(frame));
      socket.send(JSON.stringify({ type: 4, dataContent: frame.fp, from: frame.to, to: userId }));
    }
  });
  socket.on('close', () => {
    if (userId !== null && online.get(userId) === socket) online.delete(userId);
  });
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`baseline relay listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
