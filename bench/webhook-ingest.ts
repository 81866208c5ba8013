/**
 * Ingest benchmark of POST /webhooks/meta: signed, batched status webhooks through the in-process
 * app over a file-backed SQLite database in WAL mode, as in production.
 *
 *   node --import tsx bench/webhook-ingest.ts [statuses=20000] [batch=50]
 *
 * Half the statuses are `delivered` (each charges a new message), the other half `read` repeats
 * of the same messages (each a no-op). Bodies are signed before the clock starts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../packages/server/src/app.js';
import { seedDemoRateCard } from '../packages/server/src/demo/seed-rate-card.js';
import { openAccount } from '../packages/server/src/domain/accounts.js';
import { systemClock } from '../packages/server/src/domain/clock.js';
import { metaSignature } from '../packages/server/src/domain/meta/signature.js';
import { openSqliteStore } from '../packages/server/src/store/sqlite/sqlite-store.js';

const total = Number(process.argv[2] ?? 20_000);
const batchSize = Number(process.argv[3] ?? 50);
const appSecret = 'bench-app-secret';
const phoneNumberId = '106540352242922';
const prefixes = ['9198', '5511', '1650', '4915', '2348', '1876', '6281', '4477'];

const dir = mkdtempSync(join(tmpdir(), 'wa-bench-'));
const store = openSqliteStore({ file: join(dir, 'wa.db') });
const app = createApp({
  store,
  clock: systemClock,
  config: { secretKey: 'sk_bench_0123456789abcdef', allowedOrigins: [], metaAppSecret: appSecret },
  logError: (message, error) => console.error(message, error),
});
const account = await openAccount(store, systemClock, {
  name: 'Bench',
  currency: 'USD',
  wabaId: '102290129340398',
  phoneNumberId,
  businessPortfolioId: '1203948576102938',
});
await seedDemoRateCard(store, systemClock);

const messages = total / 2;
const status = (i: number, kind: 'delivered' | 'read') => ({
  id: `wamid.bench${i}`,
  status: kind,
  timestamp: String(Math.floor(Date.now() / 1000)),
  recipient_id: `${prefixes[i % prefixes.length]}${String(1_000_000 + (i % 5000)).padStart(8, '0')}`,
  ...(kind === 'delivered' ? { pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: i % 3 ? 'marketing' : 'utility' } } : {}),
});
const bodies: { raw: string; signature: string }[] = [];
for (const kind of ['delivered', 'read'] as const) {
  for (let start = 0; start < messages; start += batchSize) {
    const statuses = Array.from({ length: Math.min(batchSize, messages - start) }, (_, k) => status(start + k, kind));
    const raw = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId }, statuses } }] }],
    });
    bodies.push({ raw, signature: metaSignature(appSecret, raw) });
  }
}

const post = async ({ raw, signature }: { raw: string; signature: string }) => {
  const res = await app.request('/webhooks/meta', { method: 'POST', body: raw, headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature } });
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
};
const half = bodies.length / 2;
const started = performance.now();
for (const body of bodies.slice(0, half)) await post(body);
const deliveredMs = performance.now() - started;
for (const body of bodies.slice(half)) await post(body);
const totalMs = performance.now() - started;

const entries = await store.listLedgerEntries(account.id);
const after = await store.getAccount(account.id);
const sum = entries.reduce((acc, entry) => acc + entry.amountMicros, 0n);
console.log(`webhook ingest: ${total} status events in ${bodies.length} signed webhooks of ${batchSize} (file SQLite, WAL)`);
console.log(`  all:              ${Math.round(total / (totalMs / 1000))} status events/s (${totalMs.toFixed(0)} ms)`);
console.log(`  delivered (new):  ${Math.round(messages / (deliveredMs / 1000))} status events/s`);
console.log(`  read (repeats):   ${Math.round(messages / ((totalMs - deliveredMs) / 1000))} status events/s`);
console.log(`  ledger entries written: ${entries.length}; balance ${after?.balanceMicros} µ = sum of entries: ${after?.balanceMicros === sum}`);
await store.close();
rmSync(dir, { recursive: true, force: true });
