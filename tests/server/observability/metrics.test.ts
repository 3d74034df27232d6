import { describe, expect, it } from 'vitest';
import { createServerMetrics } from '../../../server/observability/metrics';

const names = [
  'tidings_ws_connections',
  'tidings_ws_logins_total',
  'tidings_ws_frames_in_total',
  'tidings_ws_frames_out_total',
  'tidings_messages_persisted_total',
  'tidings_commit_batch_size',
  'tidings_ack_latency_seconds',
  'tidings_sync_pulls_total',
  'tidings_http_requests_total',
  'tidings_auth_requests_total',
  'tidings_admin_users_provisioned_total',
  'tidings_admin_kicks_total',
];

describe('server metrics', () => {
  it('exposes every metric in the Prometheus text format', async () => {
    const metrics = createServerMetrics();
    const text = await metrics.registry.metrics();
    for (const name of names) expect(text).toContain(`# TYPE ${name} `);
    expect(text).toContain('process_cpu_seconds_total');
    expect(metrics.registry.contentType).toMatch(/^text\/plain/);
  });

  it('records what the server reports, and reads connections at scrape time', async () => {
    const metrics = createServerMetrics({ processMetrics: false });
    let open = 3;
    metrics.setConnectionSource(() => open);
    metrics.framesIn.inc({ type: '2' });
    metrics.framesIn.inc({ type: '2' });
    metrics.messagesPersisted.inc(5);
    metrics.commitBatchSize.observe(5);
    metrics.ackLatency.observe(0.002);
    let text = await metrics.registry.metrics();
    expect(text).toContain('tidings_ws_connections 3');
    expect(text).toContain('tidings_ws_frames_in_total{type="2"} 2');
    expect(text).toContain('tidings_messages_persisted_total 5');
    expect(text).toContain('tidings_commit_batch_size_bucket{le="8"} 1');
    expect(text).toContain('tidings_ack_latency_seconds_bucket{le="0.0025"} 1');
    open = 1;
    text = await metrics.registry.metrics();
    expect(text).toContain('tidings_ws_connections 1');
  });

  it('keeps two servers in one process apart (a registry per instance)', async () => {
    const a = createServerMetrics({ processMetrics: false });
    const b = createServerMetrics({ processMetrics: false });
    a.messagesPersisted.inc(7);
    expect(await a.registry.metrics()).toContain('tidings_messages_persisted_total 7');
    expect(await b.registry.metrics()).toContain('tidings_messages_persisted_total 0');
  });
});
