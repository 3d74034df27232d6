import { decodeFrame, FrameType, type EnvelopeInput } from '../../../../shared/protocol';
import type { WebSocketConstructor } from '../../../../electron/core/deps/webSocket';
import { FakeSocket } from './fakeWebSocket';

export type FakeGatewayOptions = {
  /** Login answer code; 0 = accepted. */
  loginCode?: number;
  /** Whether sockets open at all (false = an unreachable gateway). */
  reachable?: boolean;
  /** ACK every data frame the client sends, on the receiver's behalf. */
  autoAck?: boolean;
};

/**
 * A scripted gateway for engine unit tests: it answers login and keepalive the way the real
 * one does, and lets the test push frames. The real server is exercised by the integration tests.
 */
export function createFakeGateway(options: FakeGatewayOptions = {}) {
  const sockets: GatewaySocket[] = [];
  const settings = { loginCode: 0, reachable: true, autoAck: true, ...options };

  class GatewaySocket extends FakeSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
      // An unreachable gateway fails the way a refused TCP connection does: a prompt close.
      queueMicrotask(() => (settings.reachable ? this.open() : this.drop(1006)));
    }

    override send(data: string): void {
      super.send(data);
      const decoded = decodeFrame(data);
      if (!decoded.ok) return;
      const frame = decoded.value;
      const reply = (answer: EnvelopeInput) =>
        queueMicrotask(() => this.readyState === 1 && this.receive(answer));
      if (frame.type === FrameType.login) {
        reply({
          type: FrameType.loginResponse,
          from: '0',
          dataContent: JSON.stringify({ code: settings.loginCode, firstLoginTime: 1 }),
        });
      } else if (frame.type === FrameType.keepalive) {
        reply({ type: FrameType.keepaliveResponse, from: '0', dataContent: '{}' });
      } else if (frame.type === FrameType.data && settings.autoAck && frame.fp) {
        reply({ type: FrameType.ack, from: frame.to, to: frame.from, dataContent: frame.fp });
      }
    }
  }

  return {
    WebSocket: GatewaySocket as WebSocketConstructor,
    sockets,
    settings,
    /** The client's data frames over all connections. */
    dataFrames() {
      return sockets.flatMap((s) => s.frames()).filter((f) => f.type === FrameType.data);
    },
    last(): GatewaySocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket');
      return socket;
    },
  };
}
