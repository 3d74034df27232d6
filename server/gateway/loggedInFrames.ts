import { performance } from 'node:perf_hooks';
import { FrameType, SERVER_ID, Typeu, type Envelope } from '../../shared/protocol';
import type { ClientConnection, Identity } from './connection';
import { frames } from './frames';

/** How many fps of QoS frames to the server a connection remembers, to pass each to the app once. */
const SEEN_C2S_LIMIT = 256;

/** Keepalive (1), data (2) and ACK (4) frames of a logged-in connection. */
export function handleLoggedIn(connection: ClientConnection, identity: Identity, frame: Envelope): void {
  switch (frame.type) {
    case FrameType.keepalive: {
      const answer =
        identity.kind === 'tidings' ? { cursors: connection.deps.devices.cursors(identity.userId) } : null;
      connection.sendFrame(FrameType.keepaliveResponse, frames.keepaliveResponse(identity.userId, answer));
      return;
    }
    case FrameType.data:
      return onData(connection, identity, frame);
    case FrameType.ack:
      // ACKs to "0" would acknowledge server-originated QoS frames; the server sends none.
      if (frame.to === SERVER_ID || frame.dataContent === null || frame.dataContent === '') return;
      connection.deps.delivery.acknowledge(identity.userId, identity.deviceId, frame.to, frame.dataContent);
      return;
  }
}

function onData(connection: ClientConnection, identity: Identity, frame: Envelope): void {
  if (frame.to === SERVER_ID && frame.typeu === Typeu.command) return onCommand(connection, identity, frame);
  if (frame.typeu === Typeu.message || frame.typeu === Typeu.stockText) {
    if (frame.to === SERVER_ID && frame.typeu === Typeu.stockText) {
      // A stock client's text to the server (C2S): nothing here consumes it, but QoS wants its ACK.
      acknowledgeToServer(connection, identity, frame);
      return;
    }
    return onMessage(connection, identity, frame);
  }
  connection.log.debug('unsupported typeu', { typeu: frame.typeu });
  if (frame.fp !== null && identity.kind === 'tidings')
    connection.sendFrame(
      FrameType.data,
      frames.refusal(identity.userId, {
        fp: frame.fp,
        code: 'invalid-request',
        message: `Unsupported typeu ${frame.typeu}.`,
      }),
    );
}

function onMessage(connection: ClientConnection, identity: Identity, frame: Envelope): void {
  const { userId } = identity;
  const { fp } = frame;
  if ((fp === null || fp === '') && frame.typeu === Typeu.message) {
    // Without an fp there is nothing to ACK or refuse; Tidings clients always send one.
    connection.log.debug('message without fp dropped', { userId });
    return;
  }
  const receivedAt = performance.now();
  const { messaging, metrics } = connection.deps;
  messaging
    .send({
      senderId: userId,
      to: frame.to,
      fp: fp === '' ? null : fp,
      typeu: frame.typeu,
      dataContent: frame.dataContent,
    })
    .then(
      (outcome) => {
        // If this socket closed meanwhile the ACK is lost; the sender retransmits and gets it then.
        if (outcome.status === 'accepted') {
          if (!frame.QoS || fp === null) return;
          if (connection.sendFrame(FrameType.ack, frames.ack(outcome.receiverId, userId, fp)))
            metrics.ackLatency.observe((performance.now() - receivedAt) / 1000);
        } else if (identity.kind === 'tidings') {
          // A stock client would show the refusal as a message; it gives up after its retries instead.
          connection.sendFrame(FrameType.data, frames.refusal(userId, outcome.refusal));
        }
      },
      (error: unknown) => connection.log.error('message not stored; no ACK sent', { userId, fp, error }),
    )
    .catch((error: unknown) => connection.log.error('answering a message failed', { userId, fp, error }));
}

function onCommand(connection: ClientConnection, identity: Identity, frame: Envelope): void {
  if (!acknowledgeToServer(connection, identity, frame)) return;
  const { userId, deviceId } = identity;
  connection.deps.commands
    .handle({ userId, deviceId }, frame.dataContent)
    .then((reply) => connection.sendFrame(FrameType.data, frames.commandReply(userId, reply)))
    .catch((error: unknown) => connection.log.error('answering a command failed', { userId, error }));
}

/**
 * The wire rule for QoS frames to the server: ACK at once (from "0") and pass a given fp to the
 * application only once. False when this fp was already handled.
 */
function acknowledgeToServer(connection: ClientConnection, identity: Identity, frame: Envelope): boolean {
  if (!frame.QoS || frame.fp === null) return true;
  connection.sendFrame(FrameType.ack, frames.serverAck(identity.userId, frame.fp));
  const seen = connection.seenToServer;
  if (seen.has(frame.fp)) return false;
  if (seen.size >= SEEN_C2S_LIMIT) seen.delete(seen.values().next().value as string);
  seen.add(frame.fp);
  return true;
}
