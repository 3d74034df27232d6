import {
  commandRequestSchema,
  commands,
  decodeFrame,
  decodePayload,
  directConversationId,
  FrameType,
  loginRequestSchema,
  outgoingMessageSchema,
  Typeu,
  type CommandReply,
  type EnvelopeInput,
  type InboxEvent,
  type WireMessage,
} from '../../../../shared/protocol';
import type { WebSocketConstructor } from '../../../../electron/core/deps/webSocket';
import { FakeSocket } from './fakeWebSocket';

export type FakeTidingsOptions = {
  /** Login answer codes to use, one per login, then 0. */
  loginCodes?: number[];
  /** Whether sockets open at all (false = an unreachable gateway). */
  reachable?: boolean;
  /** Say hello after login (false = behave like a server that never does). */
  hello?: boolean;
  /** ACK the client's messages. */
  ack?: boolean;
  /** Send notifies; with `inline`, carrying the events. */
  notify?: boolean;
  inline?: boolean;
  /** Answer keepalives with cursors. */
  keepaliveCursors?: boolean;
  /** Answer commands (false = never, like a lost reply). */
  answerCommands?: boolean;
  recallWindowMs?: number;
};

/**
 * An in-memory Tidings server for one user (`me`), on fake sockets: login with the wire's
 * first-login rules, hello, keepalive with cursors, messages with ACK, the user's inbox,
 * notify, and the sync, read and recall commands. Tests play the other users through it.
 * The real server is exercised by the integration tests.
 */
export function createFakeTidingsServer(me: string, options: FakeTidingsOptions = {}) {
  const settings = {
    loginCodes: [] as number[],
    reachable: true,
    hello: true,
    ack: true,
    notify: true,
    inline: false,
    keepaliveCursors: true,
    answerCommands: true,
    recallWindowMs: 120_000,
    ...options,
  };
  const sockets: ServerSocket[] = [];
  const conversations = new Map<string, WireMessage[]>();
  const inbox: InboxEvent[] = [];
  let inboxFloor = 0;
  const readSeqs = new Map<string, number>();
  const peerReadSeqs = new Map<string, number>();
  const byFp = new Map<string, WireMessage>();
  let clock = Date.now();
  let firstLoginTime = 0;
  const commandLog: Array<{ name: string; args: unknown }> = [];
  const failures = new Map<string, { code: string; times: number }>();

  const messagesOf = (id: string): WireMessage[] => {
    let list = conversations.get(id);
    if (!list) conversations.set(id, (list = []));
    return list;
  };
  const head = (): number => inbox.at(-1)?.seq ?? inboxFloor;
  const cursors = () => ({ inbox: head() });

  type Unnumbered = InboxEvent extends infer E ? (E extends InboxEvent ? Omit<E, 'seq'> : never) : never;
  const addEvent = (event: Unnumbered): InboxEvent => {
    const full = { ...event, seq: head() + 1 };
    inbox.push(full);
    return full;
  };

  const notifyAll = (events: InboxEvent[]): void => {
    if (!settings.notify) return;
    for (const socket of sockets) {
      if (!socket.loggedIn || socket.readyState !== 1) continue;
      socket.push({
        type: FrameType.data,
        from: '0',
        to: me,
        typeu: Typeu.notify,
        dataContent: JSON.stringify({ cursors: cursors(), ...(settings.inline ? { events } : {}) }),
      });
    }
  };

  const store = (
    conversationId: string,
    senderId: string,
    fp: string,
    kind: string,
    body: Record<string, unknown>,
  ) => {
    const list = messagesOf(conversationId);
    const message: WireMessage = {
      id: `srv-${fp}`,
      conversationId,
      seq: list.length + 1,
      fp,
      senderId,
      sentAt: ++clock,
      kind,
      body,
    };
    list.push(message);
    byFp.set(fp, message);
    return message;
  };

  const reply = (socket: ServerSocket, answer: CommandReply): void =>
    socket.push({
      type: FrameType.data,
      from: '0',
      to: me,
      typeu: Typeu.commandReply,
      dataContent: JSON.stringify(answer),
    });

  function runCommand(name: string, rawArgs: unknown): unknown {
    const failure = failures.get(name);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      throw Object.assign(new Error(failure.code), { code: failure.code });
    }
    switch (name) {
      case 'sync.inbox': {
        const args = commands['sync.inbox'].args.parse(rawArgs);
        if (args.after < inboxFloor || args.after > head())
          throw Object.assign(new Error('reset'), { code: 'cursor-reset' });
        const events = inbox.filter((e) => e.seq > args.after).slice(0, args.limit);
        const last = events.at(-1)?.seq ?? args.after;
        return { events, max: head(), hasMore: last < head() };
      }
      case 'sync.history': {
        const args = commands['sync.history'].args.parse(rawArgs);
        const list = messagesOf(args.conversationId);
        if (args.after !== undefined) {
          const rows = list.filter((m) => m.seq > (args.after ?? 0));
          return { messages: rows.slice(0, args.limit), hasMore: rows.length > args.limit };
        }
        const anchor = args.before ?? list.length + 1;
        const rows = list.filter((m) => m.seq < anchor);
        return { messages: rows.slice(-args.limit), hasMore: rows.length > args.limit };
      }
      case 'sync.conversations':
        return {
          inbox: head(),
          conversations: [...conversations].map(([id, list]) => ({
            id,
            lastSeq: list.length,
            readSeq: readSeqs.get(id) ?? 0,
            peerReadSeq: peerReadSeqs.get(id) ?? 0,
          })),
        };
      case 'read.mark': {
        const args = commands['read.mark'].args.parse(rawArgs);
        const readSeq = Math.max(readSeqs.get(args.conversationId) ?? 0, args.seq);
        readSeqs.set(args.conversationId, readSeq);
        return { readSeq };
      }
      case 'message.recall': {
        const args = commands['message.recall'].args.parse(rawArgs);
        const list = messagesOf(args.conversationId);
        const target = list[args.seq - 1];
        if (!target) throw Object.assign(new Error('nf'), { code: 'not-found' });
        if (target.senderId !== me) throw Object.assign(new Error('no'), { code: 'forbidden' });
        if (clock - target.sentAt > settings.recallWindowMs)
          throw Object.assign(new Error('late'), { code: 'recall-window-passed' });
        api.recall(args.conversationId, args.seq, me);
        return {};
      }
      default:
        throw Object.assign(new Error('unknown'), { code: 'unknown-command' });
    }
  }

  class ServerSocket extends FakeSocket {
    loggedIn = false;
    deviceId: string | null = null;
    constructor(url: string) {
      super(url);
      sockets.push(this);
      // An unreachable gateway fails the way a refused TCP connection does: a prompt close.
      queueMicrotask(() => (settings.reachable ? this.open() : this.drop(1006)));
    }

    push(frame: EnvelopeInput): void {
      queueMicrotask(() => {
        if (this.readyState === 1) this.receive(frame);
      });
    }

    override send(data: string): void {
      super.send(data);
      const decoded = decodeFrame(data);
      if (!decoded.ok) return;
      const frame = decoded.value;
      if (frame.type === FrameType.login) return this.onLogin(frame.dataContent);
      if (!this.loggedIn) return;
      if (frame.type === FrameType.keepalive) {
        this.push({
          type: FrameType.keepaliveResponse,
          from: '0',
          dataContent:
            settings.keepaliveCursors && this.deviceId ? JSON.stringify({ cursors: cursors() }) : '{}',
        });
        return;
      }
      if (frame.type === FrameType.logout) return this.drop(1000);
      if (frame.type !== FrameType.data) return;
      if (frame.typeu === Typeu.command) {
        const request = decodePayload(frame.dataContent, commandRequestSchema);
        if (!request.ok || !settings.answerCommands) return;
        const { id, name, args } = request.value;
        commandLog.push({ name, args });
        try {
          reply(this, { id, ok: true, value: runCommand(name, args) });
        } catch (error) {
          const code = (error as { code?: string }).code ?? 'internal';
          reply(this, { id, ok: false, error: { code, message: code } });
        }
        return;
      }
      if (frame.typeu === Typeu.message && frame.fp) {
        const message = decodePayload(frame.dataContent, outgoingMessageSchema);
        if (!message.ok) return;
        const conversationId = directConversationId(me, frame.to);
        const stored =
          byFp.get(frame.fp) ?? store(conversationId, me, frame.fp, message.value.kind, message.value.body);
        if (!inbox.some((e) => e.type === 'message' && e.message?.fp === frame.fp)) {
          const event = addEvent({
            type: 'message',
            at: stored.sentAt,
            conversationId,
            messageSeq: stored.seq,
            message: stored,
          });
          notifyAll([event]);
        }
        if (settings.ack) this.push({ type: FrameType.ack, from: frame.to, to: me, dataContent: frame.fp });
      }
    }

    private onLogin(dataContent: string | null): void {
      const login = decodePayload(dataContent, loginRequestSchema);
      const code = settings.loginCodes.shift() ?? 0;
      if (!login.ok || code !== 0) {
        this.push({
          type: FrameType.loginResponse,
          from: '0',
          dataContent: JSON.stringify({ code: login.ok ? code : 1028 }),
        });
        queueMicrotask(() => this.drop(1000));
        return;
      }
      const requested = login.value.firstLoginTime;
      const resolved = requested <= 0 ? ++clock : requested;
      // The wire's rule: a fresh or newer login kicks the older connection, an older one is kicked.
      for (const other of sockets) {
        if (other === this || !other.loggedIn || other.readyState !== 1) continue;
        if (requested > 0 && requested < firstLoginTime) {
          this.push({ type: FrameType.kickout, from: '0', dataContent: JSON.stringify({ code: 1 }) });
          queueMicrotask(() => this.drop(1000));
          return;
        }
        other.kick(1);
      }
      firstLoginTime = resolved;
      this.loggedIn = true;
      const extra = login.value.extra ? (JSON.parse(login.value.extra) as { deviceId?: string }) : null;
      this.deviceId = extra?.deviceId ?? null;
      this.push({
        type: FrameType.loginResponse,
        from: '0',
        dataContent: JSON.stringify({ code: 0, firstLoginTime: resolved }),
      });
      if (settings.hello && this.deviceId) {
        this.push({
          type: FrameType.data,
          from: '0',
          to: me,
          typeu: Typeu.hello,
          dataContent: JSON.stringify({
            server: { name: 'fake', version: '0', capabilities: ['tidings/1'] },
            deviceId: this.deviceId,
            cursors: cursors(),
            limits: { recallWindowMs: settings.recallWindowMs, maxTextLength: 8000 },
          }),
        });
      }
    }

    kick(code: number): void {
      this.push({ type: FrameType.kickout, from: '0', dataContent: JSON.stringify({ code }) });
      queueMicrotask(() => this.drop(1000));
    }
  }

  const api = {
    WebSocket: ServerSocket as WebSocketConstructor,
    sockets,
    settings,
    commandLog,
    conversations,
    inbox,
    byFp,
    /** A message from another user to `me`; notifies online devices. */
    incoming(from: string, text: string, extra: Record<string, unknown> = {}): WireMessage {
      const conversationId = directConversationId(me, from);
      const message = store(conversationId, from, `fp-${from}-${clock + 1}`, 'text', { text, ...extra });
      notifyAll([
        addEvent({ type: 'message', at: message.sentAt, conversationId, messageSeq: message.seq, message }),
      ]);
      return message;
    },
    /** Messages stored while nobody was told (history only, no inbox events). */
    history(from: string, count: number): WireMessage[] {
      const conversationId = directConversationId(me, from);
      return Array.from({ length: count }, (_, i) =>
        store(conversationId, i % 2 === 0 ? from : me, `fp-h-${from}-${clock + 1}`, 'text', {
          text: `old ${i + 1}`,
        }),
      );
    },
    recall(conversationId: string, seq: number, by: string): void {
      const list = messagesOf(conversationId);
      const target = list[seq - 1];
      if (target) list[seq - 1] = { ...target, kind: 'notice', body: { event: 'recall', actorId: by } };
      notifyAll([addEvent({ type: 'recall', at: ++clock, conversationId, messageSeq: seq, by })]);
    },
    receipt(conversationId: string, readSeq: number, by: string): void {
      peerReadSeqs.set(conversationId, readSeq);
      notifyAll([addEvent({ type: 'receipt', at: ++clock, conversationId, readSeq, by })]);
    },
    readElsewhere(conversationId: string, readSeq: number): void {
      readSeqs.set(conversationId, readSeq);
      notifyAll([addEvent({ type: 'read', at: ++clock, conversationId, readSeq })]);
    },
    /** Retention: inbox events up to `seq` are gone (pulling from below gets cursor-reset). */
    pruneInbox(seq: number): void {
      while ((inbox[0]?.seq ?? Infinity) <= seq) inbox.shift();
      inboxFloor = Math.max(inboxFloor, seq);
    },
    /** The next `times` calls of command `name` fail with `code`. */
    failCommand(name: string, code: string, times = 1): void {
      failures.set(name, { code, times });
    },
    /** The client's data frames over all connections. */
    dataFrames() {
      return sockets.flatMap((s) => s.frames()).filter((f) => f.type === FrameType.data);
    },
    live(): ServerSocket[] {
      return sockets.filter((s) => s.loggedIn && s.readyState === 1);
    },
    last(): ServerSocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket');
      return socket;
    },
  };
  return api;
}

export type FakeTidingsServer = ReturnType<typeof createFakeTidingsServer>;
