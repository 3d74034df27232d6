import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, waitFor, type ServerProcess } from '../../helpers/serverProcess';
import { call, registerAccount } from '../auth/helpers';
import { connectAs } from '../helpers/wsClient';

let server: ServerProcess;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

async function scrape(): Promise<string> {
  const response = await fetch(`${server.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

describe('GET /metrics and /healthz', () => {
  it('answers /healthz', async () => {
    expect(await call(server.url, 'GET', '/healthz')).toEqual({ status: 200, body: { ok: true } });
  });

  it('exports the server metrics in the Prometheus text format, counting what happened', async () => {
    const user = await registerAccount(server.url, 'metered');
    const client = await connectAs(server.wsUrl, user);
    const text = await scrape();
    for (const name of [
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
      'process_resident_memory_bytes',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(text).toMatch(/^tidings_ws_connections [1-9]/m);
    expect(text).toMatch(/^tidings_ws_logins_total\{result="ok"\} [1-9]/m);
    expect(text).toMatch(/^tidings_auth_requests_total\{operation="register",result="ok"\} [1-9]/m);
    expect(text).toMatch(
      /^tidings_http_requests_total\{method="POST",route="\/api\/auth\/register",status="201"\} [1-9]/m,
    );

    client.close();
    await waitFor(async () => /^tidings_ws_connections 0$/m.test(await scrape()), {
      what: 'connection gauge to drop',
    });
  });

  it('labels unknown paths as unmatched, never with the raw path', async () => {
    await call(server.url, 'GET', '/no/such/path-with-a-user-secret');
    const text = await scrape();
    expect(text).toMatch(/route="unmatched",status="404"/);
    expect(text).not.toContain('path-with-a-user-secret');
  });
});
