import { randomUUID } from 'node:crypto';
import {
  commandReplySchema,
  FrameType,
  helloSchema,
  keepaliveAnswerSchema,
  knownInboxEventSchema,
  notifySchema,
  sendRefusalSchema,
  STOCK_DEVICE_ID,
  TIDINGS_CAPABILITY,
  Typeu,
  type CommandArgs,
  type CommandName,
  type CommandReply,
  type CommandValue,
  type Envelope,
  type Hello,
  type InboxEvent,
  type Notify,
  type OutgoingMessage,
  type SendRefusal,
} from '../../../../shared/protocol';
import { TestClient, type LoginReply } from '../../helpers/wsClient';

export type Credentials = Readonly<{ userId: string; token: string }>;

/** A logged-in Tidings device: a real `ws` client that announced `tidings/1`. */
export type TidingsDevice = TestClient &
  Readonly<{ userId: string; deviceId: string; hello: Hello; firstLoginTime: number }>;

/** A logged-in stock MobileIMSDK client (no `extra`). */
export type StockDevice = TestClient & Readonly<{ userId: string; firstLoginTime: number }>;

export function tidingsExtra(deviceId: string): string {
  return JSON.stringify({ deviceId, capabilities: [TIDINGS_CAPABILITY] });
}

export function loginWith(
  client: TestClient,
  user: Credentials,
  extra: string | null,
  firstLoginTime = 0,
): void {
  client.send({
    type: FrameType.login,
    dataContent: JSON.stringify({ loginUserId: user.userId, loginToken: user.token, extra, firstLoginTime }),
  });
}

export async function loginReply(client: TestClient): Promise<LoginReply> {
  const frame = await client.takeType(FrameType.loginResponse);
  return JSON.parse(frame.dataContent ?? 'null') as LoginReply;
}

/** Connects as a Tidings device and waits for the 50 and the hello that follows it. */
export async function connectTidings(
  wsUrl: string,
  user: Credentials,
  deviceId: string = `dev-${randomUUID()}`,
  firstLoginTime = 0,
): Promise<TidingsDevice> {
  const client = await TestClient.connect(wsUrl);
  loginWith(client, user, tidingsExtra(deviceId), firstLoginTime);
  const reply = await loginReply(client);
  if (reply.code !== 0) throw new Error(`login failed with ${reply.code}`);
  const hello = helloSchema.parse(JSON.parse((await takeTypeu(client, Typeu.hello)).dataContent ?? 'null'));
  return Object.assign(client, {
    userId: user.userId,
    deviceId,
    hello,
    firstLoginTime: reply.firstLoginTime,
  });
}

/** Connects as a stock client: no `extra`, the user's default device. */
export async function connectStock(
  wsUrl: string,
  user: Credentials,
  firstLoginTime = 0,
): Promise<StockDevice> {
  const client = await TestClient.connect(wsUrl);
  loginWith(client, user, null, firstLoginTime);
  const reply = await loginReply(client);
  if (reply.code !== 0) throw new Error(`login failed with ${reply.code}`);
  return Object.assign(client, { userId: user.userId, firstLoginTime: reply.firstLoginTime });
}

export { STOCK_DEVICE_ID };

export function takeTypeu(client: TestClient, typeu: number, timeoutMs?: number): Promise<Envelope> {
  return client.take((f) => f.type === FrameType.data && f.typeu === typeu, `typeu ${typeu}`, timeoutMs);
}

/** Sends a typeu 1 message with QoS; returns its fp. */
export function sendMessage(
  client: TestClient,
  to: string,
  message: OutgoingMessage,
  fp: string = randomUUID(),
): string {
  client.send({
    type: FrameType.data,
    to,
    fp,
    QoS: true,
    typeu: Typeu.message,
    dataContent: JSON.stringify(message),
  });
  return fp;
}

export function sendText(client: TestClient, to: string, text: string, fp?: string): string {
  return sendMessage(client, to, { kind: 'text', body: { text } }, fp);
}

/** What a stock client sends: typeu -1, plain text, QoS. */
export function sendStockText(
  client: TestClient,
  to: string,
  text: string,
  fp: string = randomUUID(),
): string {
  client.send({ type: FrameType.data, to, fp, QoS: true, typeu: Typeu.stockText, dataContent: text });
  return fp;
}

export function takeAck(client: TestClient, fp: string, timeoutMs?: number): Promise<Envelope> {
  return client.take((f) => f.type === FrameType.ack && f.dataContent === fp, `ACK for ${fp}`, timeoutMs);
}

export async function takeRefusal(client: TestClient, fp: string): Promise<SendRefusal> {
  const frame = await client.take(
    (f) => f.type === FrameType.data && f.typeu === Typeu.sendRefused && f.dataContent?.includes(fp) === true,
    `refusal of ${fp}`,
  );
  return sendRefusalSchema.parse(JSON.parse(frame.dataContent ?? 'null'));
}

/** A stock push (typeu -1, QoS) with this fp. */
export function takeStockPush(client: TestClient, fp: string, timeoutMs?: number): Promise<Envelope> {
  return client.take(
    (f) => f.type === FrameType.data && f.typeu === Typeu.stockText && f.fp === fp,
    `stock push of ${fp}`,
    timeoutMs,
  );
}

export function isStockPush(frame: Envelope): boolean {
  return frame.type === FrameType.data && frame.typeu === Typeu.stockText && frame.QoS;
}

/** The receiver's type 4 for a push. */
export function ackPush(client: TestClient & Readonly<{ userId: string }>, push: Envelope): void {
  client.send({ type: FrameType.ack, from: client.userId, to: push.from, dataContent: push.fp });
}

export function parseNotify(frame: Envelope): Notify {
  return notifySchema.parse(JSON.parse(frame.dataContent ?? 'null'));
}

/** The next notify whose inline events include one matching `predicate`. */
export async function takeNotifyWith(
  client: TestClient,
  predicate: (event: InboxEvent) => boolean,
  what = 'notify',
  timeoutMs?: number,
): Promise<{ notify: Notify; event: InboxEvent }> {
  const frame = await client.take(
    (f) =>
      f.type === FrameType.data &&
      f.typeu === Typeu.notify &&
      (parseNotify(f).events ?? []).some((e) => {
        const known = knownInboxEventSchema.safeParse(e);
        return known.success && predicate(known.data);
      }),
    what,
    timeoutMs,
  );
  const notify = parseNotify(frame);
  const event = (notify.events ?? [])
    .map((e) => knownInboxEventSchema.parse(e))
    .find((e) => predicate(e)) as InboxEvent;
  return { notify, event };
}

export function messageEventFor(fp: string): (event: InboxEvent) => boolean {
  return (event) => event.type === 'message' && event.message?.fp === fp;
}

let nextCommandId = 1;

/** Sends a command (typeu 100 to "0") and returns its reply. */
export async function command<N extends CommandName>(
  client: TestClient,
  name: N,
  args: CommandArgs<N>,
): Promise<CommandReply> {
  return rawCommand(client, { id: `c${nextCommandId++}`, name, args });
}

export async function rawCommand(client: TestClient, request: unknown, id?: string): Promise<CommandReply> {
  const wanted = id ?? (request as { id: string }).id;
  client.send({ type: FrameType.data, to: '0', typeu: Typeu.command, dataContent: JSON.stringify(request) });
  const frame = await client.take(
    (f) =>
      f.type === FrameType.data &&
      f.typeu === Typeu.commandReply &&
      commandReplySchema.safeParse(JSON.parse(f.dataContent ?? 'null')).data?.id === wanted,
    `reply ${wanted}`,
  );
  return commandReplySchema.parse(JSON.parse(frame.dataContent ?? 'null'));
}

/** A command that must succeed; returns its value. */
export async function call<N extends CommandName>(
  client: TestClient,
  name: N,
  args: CommandArgs<N>,
): Promise<CommandValue<N>> {
  const reply = await command(client, name, args);
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.value as CommandValue<N>;
}

/** A command that must fail; returns its error code. */
export async function failing<N extends CommandName>(
  client: TestClient,
  name: N,
  args: CommandArgs<N>,
): Promise<string> {
  const reply = await command(client, name, args);
  if (reply.ok) throw new Error(`${name} succeeded: ${JSON.stringify(reply.value)}`);
  return reply.error.code;
}

/** Pulls the whole inbox after `after`, page by page. */
export async function pullAll(client: TestClient, after = 0, limit = 200): Promise<InboxEvent[]> {
  const events: InboxEvent[] = [];
  let cursor = after;
  for (;;) {
    const page = await call(client, 'sync.inbox', { after: cursor, limit });
    for (const event of page.events) events.push(knownInboxEventSchema.parse(event));
    cursor = page.events.at(-1)?.seq ?? cursor;
    if (!page.hasMore) return events;
  }
}

/** Sends a keepalive and returns the answer's cursors (Tidings) or null ("{}", stock). */
export async function keepalive(client: TestClient): Promise<{ inbox: number } | null> {
  client.send({ type: FrameType.keepalive, dataContent: '{}' });
  const frame = await client.takeType(FrameType.keepaliveResponse);
  if (frame.dataContent === '{}') return null;
  return keepaliveAnswerSchema.parse(JSON.parse(frame.dataContent ?? 'null')).cursors ?? null;
}

/**
 * A round trip through the server on this socket: frames are handled in order, so anything the
 * server would send in answer to earlier frames has been sent by the time this answer arrives.
 */
export async function roundTrip(client: TestClient): Promise<void> {
  const marker = `rt-${randomUUID()}`;
  client.send({ type: FrameType.echo, dataContent: marker });
  await client.take((f) => f.type === FrameType.echoResponse && f.dataContent === marker, 'echo');
}
