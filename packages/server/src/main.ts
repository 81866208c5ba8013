import { randomBytes } from 'node:crypto';
import { createApp } from './app.js';
import { MetaWebhookInbox } from './domain/meta/webhook-inbox.js';
import { loadConfig } from './config.js';
import { seedDemo } from './demo/seed.js';
import { seedDemoRateCard } from './demo/seed-rate-card.js';
import { systemClock } from './domain/clock.js';
import { pruneIntervalFromEnv, startPruner } from './domain/retention/pruner.js';
import { retentionSteps } from './domain/retention/retention.js';
import { setUpMeta } from './meta-setup.js';
import { createLiveEventBus } from './live/live-events.js';
import { DEFAULT_PATHS } from './paths.js';
import { HostEventDispatcher } from './providers/host-webhook/dispatcher.js';
import { StripePaymentProvider, stripeClientFor } from './providers/payments/stripe.js';
import { openPostgresStore } from './store/postgres/postgres-store.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';
import type { Store } from './store/store.js';
import { createJsonLogger } from './ops/logger.js';
import { createMetrics } from './ops/metrics.js';
import { createGracefulShutdown } from './ops/shutdown.js';
import { serveNode } from './serve-node.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const pruneIntervalMs = pruneIntervalFromEnv(process.env);
  const logger = createJsonLogger({ level: config.logLevel });
  const store = await openStore(config.databaseUrl, config.databaseFile);
  const clock = systemClock;
  const secretKey = config.secretKey ?? `sk_demo_${randomBytes(24).toString('base64url')}`;
  const demoAccount = config.demo ? await seedDemo(store, clock) : null;
  if (demoAccount) await seedDemoRateCard(store, clock);
  // In demo mode a random verify token will do: nobody subscribes this process to a real Meta app.
  const metaVerifyToken = config.metaVerifyToken ?? (config.demo ? randomBytes(24).toString('base64url') : undefined);
  if (config.demo && !demoAccount) {
    logger.warn('demo: the database holds other accounts but no demo account; POST /demo/session is off');
  }

  const liveEvents = createLiveEventBus();
  const hostEvents = new HostEventDispatcher({
    outbox: store,
    clock,
    url: config.hostWebhook?.url,
    secret: config.hostWebhook?.secret,
    timeoutMs: config.hostWebhook?.timeoutMs,
    // An event claimed by an instance that died mid-delivery is due again once its lease ends.
    leaseMs: config.hostWebhook ? config.hostWebhook.timeoutMs * 6 : undefined,
  });
  hostEvents.start();
  // Large Meta webhooks are answered once stored and applied after; the sweep takes those another
  // instance left (it died applying them) and those put back after a busy database.
  const metaWebhookInbox = new MetaWebhookInbox({
    store,
    clock,
    leaseMs: config.metaInbox.leaseMs,
    logError: (message, error) => logger.error(message, {}, error),
  });
  const pruner = startPruner({
    steps: retentionSteps(store),
    clock,
    intervalMs: pruneIntervalMs,
    onError: (step, error) => logger.warn('pruning failed', { step }, error),
  });

  const paymentProvider =
    config.payments.provider === 'stripe'
      ? new StripePaymentProvider({
          secretKey: config.payments.secretKey,
          webhookSecret: config.payments.webhookSecret,
          stripeConfig: config.payments.apiBase ? stripeClientFor(config.payments.apiBase) : undefined,
        })
      : undefined;

  const meta = setUpMeta(config, demoAccount, clock, (message, error) => logger.warn(message, {}, error));
  const closing = new AbortController();
  closing.signal.addEventListener('abort', () => meta.simulator?.stop());
  const app = createApp({
    store,
    clock,
    liveEvents,
    config: {
      secretKey,
      allowedOrigins: config.allowedOrigins,
      publicUrl: config.publicUrl,
      metaAppSecret: meta.appSecret,
      metaVerifyToken,
      // The demo's hosted pages wear the demo console's brand, as a partner's would wear theirs.
      brand: config.demo
        ? { name: config.brand.name ?? 'Nimbus Connect', color: config.brand.color ?? '#2357d9' }
        : config.brand,
      sandboxWebhookSecret: config.payments.provider === 'sandbox' ? config.payments.webhookSecret : undefined,
      metricsToken: config.metricsToken,
      trustedProxies: config.trustedProxies,
    },
    logger,
    metrics: createMetrics({ store, clock, processMetrics: true }),
    closing: closing.signal,
    logError: (message, error) => logger.error(message, {}, error),
    paymentProvider,
    assets: { widgetsBundlePath: DEFAULT_PATHS.widgetsBundle, demoDir: config.demo ? DEFAULT_PATHS.demoDir : undefined },
    demo: demoAccount ? { accountId: demoAccount.id, simulator: meta.simulator } : undefined,
    metaGraph: meta.metaGraph,
    metaWebhookInbox,
    logWarning: (message, error) => logger.warn(message, { error: error instanceof Error ? error.message : String(error) }),
  });
  // The simulator's webhooks go through the app itself, so they take the exact path Meta's would.
  meta.simulator?.connect((path, init) => app.request(path, init));
  meta.simulator?.start(config.demoSimulatorIntervalMs);
  metaWebhookInbox.start(config.metaInbox.sweepIntervalMs);

  const server = serveNode(app, { port: config.port }, (info) => {
    logger.info('listening', {
      url: `http://localhost:${info.port}`,
      mode: config.demo ? 'demo' : 'production',
      public_url: config.publicUrl,
      database: config.databaseUrl ? `PostgreSQL at ${redactPassword(config.databaseUrl)}` : config.databaseFile,
      meta: meta.description,
      meta_webhooks: !meta.appSecret ? 'off (set META_APP_SECRET and META_VERIFY_TOKEN)' : config.metaAppSecret ? 'on' : 'generated for this run',
      payments:
        config.payments.provider === 'stripe'
          ? `stripe (${config.payments.apiBase ?? 'api.stripe.com'})`
          : 'sandbox (TEST MODE checkout pages at /sandbox/checkout/…)',
      host_events: config.hostWebhook ? `POSTed to ${config.hostWebhook.url}` : 'kept in the outbox (WA_HOST_WEBHOOK_URL unset)',
      demo_account: demoAccount?.id,
      metrics: config.metricsToken ? 'GET /metrics with WA_METRICS_TOKEN' : 'GET /metrics with the partner key (set WA_METRICS_TOKEN)',
    });
    // Printed only when generated (the demo): an operator-provided key is never written anywhere.
    if (!config.secretKey) logger.info(`partner secret key (generated for this run): ${secretKey}`);
  });

  const shutdown = createGracefulShutdown({
    server,
    closing,
    stopWorkers: async () => {
      await Promise.all([hostEvents.stop(), pruner.stop(), metaWebhookInbox.stop()]);
    },
    closeStore: () => store.close(),
    logger,
    timeoutMs: config.shutdownTimeoutMs,
  });
  let signals = 0;
  const stop = (signal: string) => {
    // A second signal while draining (Ctrl-C twice) means now.
    if (++signals > 1) {
      logger.warn('second signal: exiting without waiting', { signal });
      process.exit(1);
    }
    void shutdown(signal).then((code) => process.exit(code));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** PostgreSQL when a URL is given (migrated before serving), else the embedded database. */
async function openStore(databaseUrl: string | undefined, databaseFile: string): Promise<Store> {
  if (!databaseUrl) return openSqliteStore({ file: databaseFile });
  const store = openPostgresStore({ url: databaseUrl });
  await store.ready;
  return store;
}

function redactPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.href;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
