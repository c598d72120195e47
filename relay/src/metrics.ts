/** Prometheus metrics: counts and timings by route and outcome, never a resident's words. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'civic_relay_' });
  const metrics = {
    registry,
    requests: new Histogram({
      name: 'civic_relay_http_request_duration_seconds',
      help: 'HTTP requests by route pattern, method and status',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
    reports: new Counter({ name: 'civic_relay_reports_total', help: 'Reports received, replayed or refused before forwarding', labelNames: ['upstream', 'outcome'] as const, registers: [registry] }),
    deliveries: new Counter({ name: 'civic_relay_deliveries_total', help: 'Attempts to deliver a report upstream, by result', labelNames: ['upstream', 'result'] as const, registers: [registry] }),
    pending: new Gauge({ name: 'civic_relay_reports_pending', help: 'Reports kept, waiting to be delivered', registers: [registry] }),
    services: new Counter({ name: 'civic_relay_services_total', help: 'Services lists served, by source', labelNames: ['upstream', 'source'] as const, registers: [registry] }),
    media: new Counter({ name: 'civic_relay_media_total', help: 'Photos received, by result', labelNames: ['result'] as const, registers: [registry] }),
  };
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
