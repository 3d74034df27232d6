// The load generator, in its own process: runs one scenario against a server and prints one JSON
// line with what it measured. Usage: node loadgen.mjs <scenario.json> (see run.mjs).
import fs from 'node:fs';
import { percentile } from './procStats.mjs';
import { connectClient } from './wireClient.mjs';

const scenario = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const now = () => performance.now();

async function connectAll(users, { tidings, hooksFor, concurrency }) {
  const clients = [];
  let failed = 0;
  let next = 0;
  const started = now();
  const worker = async () => {
    while (next < users.length) {
      const user = users[next++];
      try {
        clients.push(
          await connectClient({
            wsUrl: scenario.wsUrl,
            userId: user.userId,
            token: user.token,
            tidings,
            hooks: hooksFor(user),
          }),
        );
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { clients, failed, seconds: (now() - started) / 1000 };
}

const noHooks = { onAck() {}, onDelivered() {} };

async function connections() {
  let closed = 0;
  const { clients, failed, seconds } = await connectAll(scenario.users, {
    tidings: scenario.tidings,
    concurrency: scenario.concurrency ?? 200,
    hooksFor: () => ({ ...noHooks, onClose: () => closed++ }),
  });
  process.stdout.write(JSON.stringify({ event: 'connected', held: clients.length }) + '\n');
  // The orchestrator samples the server's memory now, then tells us to finish.
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const held = clients.length - closed;
  for (const client of clients) client.close();
  return {
    connected: clients.length,
    failed,
    held,
    loginsPerSecond: clients.length / seconds,
    rampSeconds: seconds,
  };
}

/** Shared bookkeeping for the messaging scenarios: send times, ACKs, deliveries, duplicates. */
function messageLedger() {
  const sentAt = new Map();
  const ackedAt = new Map();
  const delivered = new Map();
  let duplicates = 0;
  const ackRtts = [];
  const latencies = [];
  return {
    sentAt,
    ackedAt,
    delivered,
    ackRtts,
    latencies,
    duplicates: () => duplicates,
    onSent(fp) {
      sentAt.set(fp, now());
    },
    /** Set by a scenario that reacts to ACKs (the saturation window). */
    afterAck: null,
    onAck(fp) {
      const sent = sentAt.get(fp);
      if (sent === undefined || ackedAt.has(fp)) return;
      const at = now();
      ackedAt.set(fp, at);
      ackRtts.push(at - sent);
      this.afterAck?.(fp);
    },
    onDelivered(fp) {
      if (delivered.has(fp)) {
        duplicates++;
        return;
      }
      const at = now();
      delivered.set(fp, at);
      const sent = sentAt.get(fp);
      if (sent !== undefined) latencies.push(at - sent);
    },
  };
}

async function pairsFor(ledger) {
  const users = scenario.users;
  const { clients } = await connectAll(users, {
    tidings: scenario.tidings,
    concurrency: 100,
    hooksFor: () => ({ onAck: (fp) => ledger.onAck(fp), onDelivered: (fp) => ledger.onDelivered(fp) }),
  });
  const byId = new Map(clients.map((c) => [c.userId, c]));
  const pairs = [];
  for (let i = 0; i + 1 < users.length; i += 2) {
    const sender = byId.get(users[i].userId);
    const receiver = byId.get(users[i + 1].userId);
    if (sender && receiver) pairs.push({ sender, receiver });
  }
  return { clients, pairs };
}

async function waitUntil(check, timeoutMs) {
  const deadline = now() + timeoutMs;
  while (!check() && now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

function summary(ledger, windowSeconds, deliveredInWindow) {
  const acked = ledger.ackedAt.size;
  let lost = 0;
  for (const fp of ledger.ackedAt.keys()) if (!ledger.delivered.has(fp)) lost++;
  const lat = [...ledger.latencies].sort((a, b) => a - b);
  const rtt = [...ledger.ackRtts].sort((a, b) => a - b);
  return {
    sent: ledger.sentAt.size,
    acked,
    delivered: ledger.delivered.size,
    duplicates: ledger.duplicates(),
    lostAfterAck: lost,
    deliveredPerSecond: deliveredInWindow / windowSeconds,
    latencyMs: { p50: percentile(lat, 50), p99: percentile(lat, 99), max: lat.at(-1) ?? null },
    ackRttMs: { p50: percentile(rtt, 50), p99: percentile(rtt, 99) },
  };
}

async function saturation() {
  const ledger = messageLedger();
  const { clients, pairs } = await pairsFor(ledger);
  // Each sender keeps `window` messages in flight: a new one goes out for every ACK.
  const window = scenario.window ?? 10;
  let running = true;
  const pairOf = new Map();
  const pump = (pair) => {
    while (running && pair.outstanding < window) {
      const fp = pair.sender.sendText(pair.receiver.userId, 'bench message 基准测试 👋');
      ledger.onSent(fp);
      pairOf.set(fp, pair);
      pair.outstanding++;
    }
  };
  ledger.afterAck = (fp) => {
    const pair = pairOf.get(fp);
    if (pair === undefined) return;
    pairOf.delete(fp);
    pair.outstanding--;
    pump(pair);
  };
  process.stdout.write(JSON.stringify({ event: 'start' }) + '\n');
  const startedAt = now();
  for (const pair of pairs) pump(Object.assign(pair, { outstanding: 0 }));
  await new Promise((r) => setTimeout(r, scenario.durationMs));
  running = false;
  const windowSeconds = (now() - startedAt) / 1000;
  const deliveredInWindow = ledger.delivered.size;
  process.stdout.write(JSON.stringify({ event: 'stop' }) + '\n');
  await waitUntil(
    () => [...ledger.ackedAt.keys()].every((fp) => ledger.delivered.has(fp)),
    scenario.drainMs ?? 15_000,
  );
  for (const client of clients) client.close();
  return summary(ledger, windowSeconds, deliveredInWindow);
}

async function fixedRate() {
  const ledger = messageLedger();
  const { clients, pairs } = await pairsFor(ledger);
  const tickMs = 10;
  let index = 0;
  process.stdout.write(JSON.stringify({ event: 'start' }) + '\n');
  const startedAt = now();
  await new Promise((resolve) => {
    const started = now();
    const timer = setInterval(() => {
      // Catch up on ticks the timer missed, so the offered rate stays fixed under load.
      const due = Math.floor(((now() - started) / 1000) * scenario.rate) - ledger.sentAt.size;
      for (let i = 0; i < due; i++) {
        const { sender, receiver } = pairs[index++ % pairs.length];
        ledger.onSent(sender.sendText(receiver.userId, 'fixed rate 固定速率'));
      }
      if (now() - started >= scenario.durationMs) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  const windowSeconds = (now() - startedAt) / 1000;
  const deliveredInWindow = ledger.delivered.size;
  process.stdout.write(JSON.stringify({ event: 'stop' }) + '\n');
  await waitUntil(
    () => ledger.delivered.size >= ledger.ackedAt.size && ledger.ackedAt.size >= ledger.sentAt.size,
    scenario.drainMs ?? 15_000,
  );
  for (const client of clients) client.close();
  return summary(ledger, windowSeconds, deliveredInWindow);
}

const scenarios = { connections, saturation, fixedRate };
const result = await scenarios[scenario.name]();
process.stdout.write(JSON.stringify({ event: 'result', result }) + '\n');
process.exit(0);
