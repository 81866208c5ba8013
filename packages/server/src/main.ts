import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { seedDemo } from './demo/seed.js';
import { seedDemoRateCard } from './demo/seed-rate-card.js';
import { systemClock } from './domain/clock.js';
import { setUpMeta } from './meta-setup.js';
import { createLiveEventBus } from './live/live-events.js';
import { pruneUsage } from './domain/meta/messages-handler.js';
import { DEFAULT_PATHS } from './paths.js';
import { HostEventDispatcher } from './providers/host-webhook/dispatcher.js';
import { StripePaymentProvider } from './providers/payments/stripe.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';

const USAGE_PRUNE_EVERY_MS = 10 * 60 * 1000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const store = openSqliteStore({ file: config.databaseFile });
  const clock = systemClock;
  const secretKey = config.secretKey ?? `sk_demo_${randomBytes(24).toString('base64url')}`;
  const demoAccount = config.demo ? await seedDemo(store, clock) : null;
  if (demoAccount) await seedDemoRateCard(store, clock);
  // In demo mode a random verify token will do: nobody subscribes this process to a real Meta app.
  const metaVerifyToken = config.metaVerifyToken ?? (config.demo ? randomBytes(24).toString('base64url') : undefined);
  if (config.demo && !demoAccount) {
    console.warn('demo: the database holds other accounts but no demo account; POST /demo/session is off');
  }

  const liveEvents = createLiveEventBus();
  const hostEvents = new HostEventDispatcher({
    outbox: store,
    clock,
    url: config.hostWebhook?.url,
    secret: config.hostWebhook?.secret,
  });
  hostEvents.start();
  // Last-24h usage rows are pruned here, never inside a webhook request.
  const usagePruning = setInterval(() => {
    pruneUsage(store, clock).catch((error: unknown) => console.warn('pruning usage failed:', error));
  }, USAGE_PRUNE_EVERY_MS);
  usagePruning.unref();

  const paymentProvider =
    config.payments.provider === 'stripe'
      ? new StripePaymentProvider({ secretKey: config.payments.secretKey, webhookSecret: config.payments.webhookSecret })
      : undefined;

  const meta = setUpMeta(config, demoAccount, clock, (message, error) => console.warn(message, error ?? ''));
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
    },
    paymentProvider,
    assets: { widgetsBundlePath: DEFAULT_PATHS.widgetsBundle, demoDir: DEFAULT_PATHS.demoDir },
    demo: demoAccount ? { accountId: demoAccount.id, simulator: meta.simulator } : undefined,
    metaGraph: meta.metaGraph,
    logWarning: (message, error) => console.warn(`${message}: ${error instanceof Error ? error.message : String(error)}`),
  });
  // The simulator's webhooks go through the app itself, so they take the exact path Meta's would.
  meta.simulator?.connect((path, init) => app.request(path, init));
  meta.simulator?.start(config.demoSimulatorIntervalMs);

  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    console.log(`wa-widgets server on http://localhost:${info.port}`);
    console.log(`  database: ${config.databaseFile}`);
    console.log(
      config.secretKey
        ? '  partner secret key: the one in WA_SECRET_KEY'
        : `  partner secret key (generated for this run): ${secretKey}`,
    );
    if (demoAccount) console.log(`  demo account: ${demoAccount.id} (${demoAccount.name})`);
    console.log(`  Meta: ${meta.description}`);
    if (!meta.appSecret) console.log('  Meta webhooks: off (set META_APP_SECRET and META_VERIFY_TOKEN)');
    else if (!config.metaAppSecret) console.log('  Meta webhooks: app secret and verify token generated for this run');
    console.log(
      config.payments.provider === 'stripe'
        ? '  payments: Stripe Checkout (webhooks at /webhooks/payments/stripe)'
        : '  payments: sandbox, TEST MODE checkout pages at /sandbox/checkout/… (set WA_PAYMENTS=stripe for real payments)',
    );
    console.log(`  host events: ${config.hostWebhook ? `POSTed to ${config.hostWebhook.url}` : 'kept in the outbox (WA_HOST_WEBHOOK_URL unset)'}`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    meta.simulator?.stop();
    clearInterval(usagePruning);
    console.log(`${signal}: shutting down`);
    const stopWorkers = hostEvents.stop();
    server.close(() => {
      void stopWorkers.then(() => store.close()).finally(() => process.exit(0));
    });
    // Idle keep-alive connections would otherwise hold close() until they time out.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => void store.close().finally(() => process.exit(0)), 5000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
