import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every Prometheus metric the server exports, on a registry of its own (never prom-client's
 * global one), so two servers in one process — as in the in-process tests — never mix their
 * figures. Parts of the server are handed this object and call it directly, e.g.
 * `metrics.framesIn.inc({ type: '2' })`. Label values must come from small fixed sets (frame
 * types, result codes, route patterns), never from user input.
 */
export type ServerMetrics = Readonly<{
  registry: Registry;
  /** Open WebSocket connections, read from `setConnectionSource` at scrape time. */
  connections: Gauge;
  /** WebSocket login token checks by result: ok | invalid | expired | disabled. */
  logins: Counter<'result'>;
  /** Frames received / sent by the gateway, by envelope type. */
  framesIn: Counter<'type'>;
  framesOut: Counter<'type'>;
  /** Messages committed to the database (not counting de-duplicated retransmissions). */
  messagesPersisted: Counter;
  /** Messages per group-commit transaction. */
  commitBatchSize: Histogram;
  /** From a data frame's arrival to its type 4 ACK being written, in seconds. */
  ackLatency: Histogram;
  /** Inbox and history pulls served, by kind. */
  syncPulls: Counter<'kind'>;
  /** HTTP requests by method, route pattern (not the raw path) and status. */
  httpRequests: Counter<'method' | 'route' | 'status'>;
  /** register / login / refresh / logout by result (ok or an error code). */
  authRequests: Counter<'operation' | 'result'>;
  /** Accounts created through the admin API. */
  usersProvisioned: Counter;
  /** Sockets closed by an admin kick, a revocation or a disable. */
  adminKicks: Counter;
  /** Where `connections` reads its value from (the gateway's count). */
  setConnectionSource(read: () => number): void;
}>;

export type MetricsOptions = Readonly<{
  /** Process CPU, memory, event-loop lag and GC (prom-client's defaults). */
  processMetrics?: boolean;
}>;

export function createServerMetrics(options: MetricsOptions = {}): ServerMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let connectionSource: () => number = () => 0;

  return {
    registry,
    connections: new Gauge({
      name: 'tidings_ws_connections',
      help: 'Open WebSocket connections.',
      registers,
      collect() {
        this.set(connectionSource());
      },
    }),
    logins: new Counter({
      name: 'tidings_ws_logins_total',
      help: 'WebSocket login token checks by result.',
      labelNames: ['result'],
      registers,
    }),
    framesIn: new Counter({
      name: 'tidings_ws_frames_in_total',
      help: 'Frames received by the gateway, by envelope type.',
      labelNames: ['type'],
      registers,
    }),
    framesOut: new Counter({
      name: 'tidings_ws_frames_out_total',
      help: 'Frames sent by the gateway, by envelope type.',
      labelNames: ['type'],
      registers,
    }),
    messagesPersisted: new Counter({
      name: 'tidings_messages_persisted_total',
      help: 'Messages committed to the database.',
      registers,
    }),
    commitBatchSize: new Histogram({
      name: 'tidings_commit_batch_size',
      help: 'Messages per group-commit transaction.',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
      registers,
    }),
    ackLatency: new Histogram({
      name: 'tidings_ack_latency_seconds',
      help: "From a data frame's arrival to its ACK being written.",
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    syncPulls: new Counter({
      name: 'tidings_sync_pulls_total',
      help: 'Inbox and history pulls served, by kind.',
      labelNames: ['kind'],
      registers,
    }),
    httpRequests: new Counter({
      name: 'tidings_http_requests_total',
      help: 'HTTP requests by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    authRequests: new Counter({
      name: 'tidings_auth_requests_total',
      help: 'Account operations (register, login, refresh, logout) by result.',
      labelNames: ['operation', 'result'],
      registers,
    }),
    usersProvisioned: new Counter({
      name: 'tidings_admin_users_provisioned_total',
      help: 'Accounts created through the admin API.',
      registers,
    }),
    adminKicks: new Counter({
      name: 'tidings_admin_kicks_total',
      help: 'Sockets closed by an admin kick, revocation or disable.',
      registers,
    }),
    setConnectionSource(read) {
      connectionSource = read;
    },
  };
}
