import type { ServerMetrics } from '../observability/metrics';
import type { Route } from './router';

/** Liveness and Prometheus metrics, for the operator's probes and scrapers. */
export function createOpsRoutes(metrics: ServerMetrics): Route[] {
  return [
    { method: 'GET', path: '/healthz', auth: 'none', handle: () => ({ status: 200, body: { ok: true } }) },
    {
      method: 'GET',
      path: '/metrics',
      auth: 'none',
      handle: async () => ({
        status: 200,
        text: await metrics.registry.metrics(),
        contentType: metrics.registry.contentType,
      }),
    },
  ];
}
