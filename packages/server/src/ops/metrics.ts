import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock } from '../domain/clock.js';
import type { OperationalSnapshot, OperationsStore } from '../store/operations-store.js';
import { RequestStats } from './request-stats.js';
import { oncePer } from '../per-turn.js';

/** How one Meta webhook request or change ended, for `wa_meta_webhook_*`. */
export type WebhookOutcome =
  | 'handled'
  | 'invalid_signature'
  | 'invalid_json'
  | 'invalid_envelope'
  | 'ignored_object'
  | 'queued'
  | 'invalid_change'
  | 'unhandled_field'
  | 'handler_error'
  | 'retry_later';

/** What the Meta webhook route reports. */
export interface WebhookObserver {
  /** A request refused or ignored as a whole (`field` empty), or one change of it, ended as `outcome`. */
  outcome(field: string, outcome: WebhookOutcome): void;
  /** Now minus Meta's own timestamp of an event (a status or a message), in seconds. */
  lag(seconds: number): void;
}

/** What the event stream reports. */
export interface StreamObserver {
  opened(): void;
  closed(): void;
}

/**
 * The app's Prometheus metrics, in a registry of its own (two apps in one process never mix).
 * Per-instance figures are counted in process; the ledger and outbox figures are read from the
 * database at scrape time, so they are the same on every instance (aggregate them with `max`).
 */
export interface AppMetrics {
  readonly registry: Registry;
  /** One finished request: `route` is the route pattern (`/v1/topups/:id`), never the raw path. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  readonly webhooks: WebhookObserver;
  readonly streams: StreamObserver;
}

/** What {@link createMetrics} reads at scrape time. */
export interface MetricsDeps {
  readonly store: OperationsStore;
  readonly clock: Clock;
  /** Also export Node's process metrics (CPU, memory, event-loop delay): on in the server, off in tests. */
  readonly processMetrics?: boolean | undefined;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const LAG_BUCKETS = [0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 21_600, 86_400];

/** Builds the {@link AppMetrics} of one app. */
export function createMetrics({ store, clock, processMetrics = false }: MetricsDeps): AppMetrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });

  const requests = new RequestStats(LATENCY_BUCKETS);
  requests.register(
    registry,
    'wa_http_requests_total',
    'HTTP requests answered, by method, route pattern and status',
    'wa_http_request_duration_seconds',
    'Time to the response headers, by method and route pattern',
  );
  const webhookOutcomes = new Counter({
    name: 'wa_meta_webhook_outcomes_total',
    help: 'Meta webhook requests refused or ignored (field ""), and changes by field and outcome',
    labelNames: ['field', 'outcome'] as const,
    registers: [registry],
  });
  const webhookLag = new Histogram({
    name: 'wa_meta_webhook_lag_seconds',
    help: "Delay between Meta's timestamp of an event and its arrival here",
    buckets: LAG_BUCKETS,
    registers: [registry],
  });
  const streams = new Gauge({ name: 'wa_sse_clients', help: 'Open event streams (GET /v1/events) on this instance', registers: [registry] });

  // One database read serves every gauge of a scrape: a scrape starts the collection of every
  // metric in one synchronous pass, and the gauges read in that pass share it.
  const read: () => Promise<OperationalSnapshot> = oncePer('synchronous pass', () => store.operationalSnapshot());
  new Gauge({
    name: 'wa_ledger_entries',
    help: 'Entries in the ledger (the whole database; append-only, so rate() gives appends)',
    registers: [registry],
    async collect() {
      this.set((await read()).ledgerEntries);
    },
  });
  new Gauge({
    name: 'wa_outbox_pending',
    help: 'Host events waiting for delivery (the whole database)',
    registers: [registry],
    async collect() {
      this.set((await read()).outboxPending);
    },
  });
  new Gauge({
    name: 'wa_outbox_oldest_age_seconds',
    help: 'Age of the oldest host event waiting for delivery; 0 when none waits',
    registers: [registry],
    async collect() {
      const oldest = (await read()).outboxOldestAt;
      this.set(oldest ? Math.max(0, (clock.now().getTime() - oldest.getTime()) / 1000) : 0);
    },
  });
  new Gauge({
    name: 'wa_meta_webhook_inbox_waiting',
    help: 'Large Meta webhooks answered and not yet applied (the whole database); it should drain within a minute',
    registers: [registry],
    async collect() {
      this.set((await read()).inbox.waiting);
    },
  });
  new Gauge({
    name: 'wa_meta_webhook_inbox_failed',
    help: 'Meta webhooks the inbox gave up on (still failing after 7 days, or unreadable); each needs an operator',
    registers: [registry],
    async collect() {
      this.set((await read()).inbox.failed);
    },
  });

  return {
    registry,
    observeRequest: (method, route, status, seconds) => requests.observe(method, route, status, seconds),
    webhooks: {
      outcome: (field, outcome) => webhookOutcomes.labels(field, outcome).inc(),
      lag: (seconds) => webhookLag.observe(Math.max(0, seconds)),
    },
    streams: { opened: () => streams.inc(), closed: () => streams.dec() },
  };
}
