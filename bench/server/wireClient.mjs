// A minimal MobileIMSDK v6 WebSocket client for the load generator: login, keepalive, QoS send,
// and delivery detection for both our notify-pull server and the bare baseline relay.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

const TYPEU_MESSAGE = 1;
const TYPEU_HELLO = 10;
const TYPEU_NOTIFY = 11;
const TYPEU_COMMAND = 100;
const TYPEU_REPLY = 101;

/**
 * Connects and logs in. `hooks.onAck(fp)` and `hooks.onDelivered(fp)` are called for every ACK
 * and every message delivered to this client (duplicates included: the caller counts them).
 */
export function connectClient({ wsUrl, userId, token, tidings, hooks, keepaliveMs = 10_000 }) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, { perMessageDeflate: false });
    let inboxCursor = 0;
    let pulling = false;
    let commandId = 0;
    let keepalive = null;
    const send = (frame) => socket.readyState === WebSocket.OPEN && socket.send(JSON.stringify(frame));

    const pull = () => {
      if (pulling) return;
      pulling = true;
      send({
        type: 2,
        from: userId,
        to: '0',
        typeu: TYPEU_COMMAND,
        dataContent: JSON.stringify({
          id: String(++commandId),
          name: 'sync.inbox',
          args: { after: inboxCursor, limit: 500 },
        }),
      });
    };
    const applyEvents = (events) => {
      for (const event of events) {
        if (event.seq <= inboxCursor) continue;
        inboxCursor = event.seq;
        if (event.type === 'message' && event.message && event.message.senderId !== userId) {
          hooks.onDelivered(event.message.fp);
        }
      }
    };

    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      switch (frame.type) {
        case 50: {
          const answer = JSON.parse(frame.dataContent);
          if (answer.code !== 0) {
            reject(new Error(`login of ${userId} refused with ${answer.code}`));
            socket.close();
            return;
          }
          keepalive = setInterval(
            () => send({ type: 1, from: userId, to: '0', dataContent: '{}' }),
            keepaliveMs,
          );
          resolve(client);
          return;
        }
        case 4:
          hooks.onAck(frame.dataContent);
          return;
        case 2: {
          if (frame.typeu === TYPEU_HELLO) {
            // Start from the server's cursor: earlier scenarios' messages are not this one's to count.
            inboxCursor = JSON.parse(frame.dataContent).cursors.inbox;
          } else if (frame.typeu === TYPEU_NOTIFY) {
            const notify = JSON.parse(frame.dataContent);
            const events = notify.events ?? [];
            if (events.length > 0 && events[0].seq <= inboxCursor + 1) applyEvents(events);
            if (notify.cursors && notify.cursors.inbox > inboxCursor) pull();
          } else if (frame.typeu === TYPEU_REPLY) {
            pulling = false;
            const reply = JSON.parse(frame.dataContent);
            if (reply.ok) {
              applyEvents(reply.value.events);
              if (reply.value.hasMore) pull();
            }
          } else if (frame.typeu === TYPEU_MESSAGE) {
            // The baseline relay forwards the sender's frame unchanged.
            hooks.onDelivered(frame.fp);
          }
          return;
        }
        default:
          return;
      }
    });
    socket.on('error', (error) => reject(error));
    socket.on('close', () => {
      if (keepalive) clearInterval(keepalive);
      hooks.onClose?.(userId);
    });
    socket.on('open', () => {
      const extra = tidings
        ? JSON.stringify({ deviceId: `bench-${userId}`, capabilities: ['tidings/1'] })
        : null;
      send({
        type: 0,
        from: userId,
        to: '0',
        dataContent: JSON.stringify({ loginUserId: userId, loginToken: token, extra, firstLoginTime: 0 }),
      });
    });

    const client = {
      userId,
      /** Sends one QoS text message; returns its fp. */
      sendText(to, text) {
        const fp = randomUUID();
        send({
          type: 2,
          from: userId,
          to,
          fp,
          QoS: true,
          typeu: TYPEU_MESSAGE,
          dataContent: JSON.stringify({ kind: 'text', body: { text } }),
        });
        return fp;
      },
      close() {
        if (keepalive) clearInterval(keepalive);
        socket.close();
      },
    };
  });
}
