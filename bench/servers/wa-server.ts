/**
 * The wa-widgets server as production runs it (file-backed SQLite in WAL mode, or PostgreSQL through
 * `openBenchStore` when DATABASE_URL is set), with one account holding an opening balance, the bench
 * rate card and a widget session. Started in its own process by `run-all.ts`; prints one JSON line
 * (port, client secret, account, phone number id, app secret) once listening on loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../packages/server/src/app.js';
import { serveNode, type FetchApp } from '../../packages/server/src/serve-node.js';
import { balanceRoutes } from '../../packages/server/src/routes/balance.js';
import { widgetSessionAuth } from '../../packages/server/src/middleware/widget-session.js';
import { Hono } from 'hono';
import { openAccount } from '../../packages/server/src/domain/accounts.js';
import { systemClock } from '../../packages/server/src/domain/clock.js';
import { createMetrics } from '../../packages/server/src/ops/metrics.js';
import { adjustBalance } from '../../packages/server/src/domain/ledger.js';
import { replaceDefaultRateCard } from '../../packages/server/src/domain/pricing/rate-cards.js';
import { mintWidgetSession } from '../../packages/server/src/domain/sessions.js';
import { BENCH_APP_SECRET, BENCH_RATES, OPENING_BALANCE_MICROS, PARTNER_KEY, PHONE_NUMBER_ID, WABA_ID, type ServerInfo } from '../bench-setup.js';
import { openBenchStore } from '../bench-store.js';

const dir = mkdtempSync(join(tmpdir(), 'wa-bench-server-'));
const { store, description } = await openBenchStore(join(dir, 'wa.db'));
const clock = systemClock;
/**
 * The app as main.ts builds it; with WA_BENCH_APP=balance-route, only the GET /v1/balance route and
 * its session check, none of the app-wide middleware (request id, request log and metrics, security
 * headers, body limit, CORS): the floor of a widget read, as the no-op billing is the ingest's ceiling.
 */
function benchApp(): FetchApp {
  if (process.env['WA_BENCH_APP'] === 'balance-route') {
    return new Hono().route('/', balanceRoutes({ store, clock, auth: widgetSessionAuth(store, clock) }));
  }
  return createApp({
    store,
    clock,
    config: {
      secretKey: PARTNER_KEY,
      allowedOrigins: ['http://127.0.0.1', ...(process.env['WA_BENCH_ORIGIN'] ? [process.env['WA_BENCH_ORIGIN']] : [])],
      metaAppSecret: BENCH_APP_SECRET,
    },
    // Node's process metrics too, as main.ts has them: the 3 MB figure reads the event-loop delay from them.
    metrics: createMetrics({ store, clock: systemClock, processMetrics: true }),
    logError: (message, error) => console.error(message, error),
    // WA_BENCH_BILLING=off: statuses are verified, parsed and validated, then not applied (the ingest's ceiling).
    ...(process.env['WA_BENCH_BILLING'] === 'off' ? { metaChangeHandlers: { messages: async () => {} } } : {}),
  });
}
const app = benchApp();
const account = await openAccount(store, clock, {
  name: 'Bench',
  currency: 'USD',
  wabaId: WABA_ID,
  phoneNumberId: PHONE_NUMBER_ID,
  businessPortfolioId: '1203948576102938',
});
await adjustBalance(store, clock, {
  accountId: account.id,
  amount: { micros: OPENING_BALANCE_MICROS, currency: 'USD' },
  reason: 'Opening balance',
  idempotencyKey: 'bench-opening',
});
await replaceDefaultRateCard(store, clock, 'USD', BENCH_RATES.map(({ market, category, priceMicros }) => ({ market, category, price: { micros: priceMicros, currency: 'USD' } })));
const { clientSecret } = await mintWidgetSession(store, clock, { accountId: account.id, permissions: ['statement:export'], ttlSeconds: 86_400 });

const server = serveNode(app, { hostname: '127.0.0.1', port: 0 }, (info) => {
  const ready: ServerInfo = { port: info.port, clientSecret, accountId: account.id, databaseFile: join(dir, 'wa.db'), store: description };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  if ('closeAllConnections' in server) server.closeAllConnections();
  void store.close().finally(() => {
    if (process.env['WA_BENCH_KEEP_DB'] !== '1') rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
