import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { metaSignature } from './domain/meta/signature.js';
import { SandboxPaymentProvider } from './providers/payments/sandbox.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';
import { createManualClock } from './domain/clock.js';
import type { TestApp } from './test/harness.js';
import { createTestApp, META_APP_SECRET, SECRET_KEY } from './test/harness.js';
import type { FieldArbitraries, OpenApiDocument, Operation } from './test/openapi-arbitraries.js';
import {
  deeplyNested,
  HOSTILE_STRINGS,
  hostileString,
  CURRENCIES,
  JUNK_CURSORS,
  MONEY_AMOUNTS,
  operationsOf,
  resolve,
  valueNear,
  valueOf,
} from './test/openapi-arbitraries.js';

/** Fixed unless FUZZ_SEED says otherwise, so that a failure replays; fast-check prints seed and path. */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_129);
/** Runs per operation: ~27 operations × 40 stay well under 30 s on this machine. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 40);

/** Bookkeeping tables a refused request may touch without that being a write of state. */
const BOOKKEEPING_TABLES = new Set(['rate_limit_windows']);

interface HostileRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array | undefined;
}

interface World {
  t: TestApp;
  doc: OpenApiDocument;
  dir: string;
  reader: Database.Database;
  accountA: string;
  accountB: string;
  secretA: string;
  readOnlyA: string;
  expiredA: string;
  secretB: string;
  linkA: string;
  linkB: string;
  topupA: string;
  cursorA: string;
  sandbox: SandboxPaymentProvider;
  tokenA: string;
  checkoutA: string;
}

const world = {} as World;

before(async () => {
  world.dir = mkdtempSync(join(tmpdir(), 'wa-hostile-'));
  const file = join(world.dir, 'wa.db');
  const clock = createManualClock();
  const store = openSqliteStore({ file });
  world.sandbox = new SandboxPaymentProvider({ secret: 'sandbox_secret_for_hostile_tests_0123', clock, checkouts: store });
  world.t = createTestApp({ store, clock, paymentProvider: world.sandbox });
  const { t } = world;
  const a = await t.openAccount({ name: 'Alpha' });
  const b = await t.openAccount({ name: 'Beta' });
  world.accountA = a.id;
  world.accountB = b.id;
  world.expiredA = await t.mintSession(a.id, [], 60);
  t.clock.advance(120_000);
  const everything = ['topup', 'payment_links', 'alerts:write', 'frequency_cap:write', 'statement:export'];
  world.secretA = await t.mintSession(a.id, everything, 86_400);
  world.readOnlyA = await t.mintSession(a.id, [], 86_400);
  world.secretB = await t.mintSession(b.id, everything, 86_400);
  for (const key of ['k1', 'k2', 'k3']) {
    await t.partner('POST', `/v1/accounts/${a.id}/adjustments`, { amount: { amount: '10.00', currency: 'USD' }, reason: 'seed', idempotency_key: key });
  }
  world.linkA = (await t.widget(world.secretA, 'POST', '/v1/payment-links', { amount: { amount: '12.00', currency: 'USD' } })).body.id;
  world.linkB = (await t.widget(world.secretB, 'POST', '/v1/payment-links', { amount: { amount: '13.00', currency: 'USD' } })).body.id;
  const topup = (await t.widget(world.secretA, 'POST', '/v1/topups', { amount: { amount: '25.00', currency: 'USD' } })).body;
  world.topupA = topup.id;
  world.checkoutA = new URL(topup.checkout_url).pathname.split('/').pop() as string;
  world.tokenA = new URL((await t.widget(world.secretA, 'GET', '/v1/payment-links')).body.data[0].url).pathname.split('/').pop() as string;
  world.cursorA = (await t.widget(world.secretA, 'GET', '/v1/statement?limit=1')).body.next_cursor;
  assert.ok(world.linkA && world.linkB && world.topupA && world.cursorA, 'fixtures');
  world.doc = (await (await t.app.request('/openapi.json')).json()) as OpenApiDocument;
  world.reader = new Database(file, { readonly: true });
});

after(async () => {
  world.reader?.close();
  await world.t?.close();
  rmSync(world.dir, { recursive: true, force: true });
});

/** A digest of every row of every table (bookkeeping aside): equal digests, no write. */
function databaseDigest(): string {
  const hash = createHash('sha256');
  const tables = world.reader
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  for (const { name } of tables) {
    if (BOOKKEEPING_TABLES.has(name)) continue;
    hash.update(name);
    // Sorted in JS: some tables are WITHOUT ROWID, and any stable order will do.
    const rows = world.reader.prepare(`SELECT * FROM "${name}"`).raw().all().map((row) => JSON.stringify(row));
    for (const row of rows.sort()) hash.update(row);
  }
  return hash.digest('hex');
}

function authorizations(operation: Operation): fc.Arbitrary<string | undefined> {
  const schemes = (operation.spec.security ?? []).flatMap((requirement) => Object.keys(requirement));
  const rightful = [
    ...(schemes.includes('partnerKey') ? [`Bearer ${SECRET_KEY}`] : []),
    ...(schemes.includes('widgetSession') ? [`Bearer ${world.secretA}`, `Bearer ${world.secretB}`] : []),
  ];
  const junk = junkAuthorizations();
  return rightful.length === 0 ? junk : fc.oneof({ arbitrary: fc.constantFrom(...rightful), weight: 3 }, { arbitrary: junk, weight: 2 });
}

function junkAuthorizations(): fc.Arbitrary<string | undefined> {
  return fc.constantFrom(
    undefined,
    `Bearer ${SECRET_KEY}`,
    `Bearer ${world.secretA}`,
    `Bearer ${world.secretA}`,
    `Bearer ${world.readOnlyA}`,
    `Bearer ${world.expiredA}`,
    `Bearer ${world.secretB}`,
    `bearer ${SECRET_KEY}`,
    `Bearer  ${SECRET_KEY}`,
    `Bearer ${SECRET_KEY} `,
    `Bearer ${SECRET_KEY.slice(0, -1)}`,
    `Bearer ${world.secretA.slice(0, -1)}x`,
    `Basic ${Buffer.from(`user:${SECRET_KEY}`).toString('base64')}`,
    'Bearer',
    'Bearer ',
    'Bearer ws_',
    `Bearer ${'A'.repeat(8000)}`,
    'Bearer \u00ff\u00fe',
  );
}

function pathValues(name: string): fc.Arbitrary<string> {
  const known = [world.accountA, world.accountB, world.linkA, world.linkB, world.topupA, `${world.accountA}x`, 'acc_', 'pl_x', 'tu_x'];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...known).map(encodeURIComponent), weight: 4 },
    { arbitrary: hostileString().map(encodeLoosely), weight: 3 },
    { arbitrary: fc.constantFrom('%ZZ', '%00', '..%2F..%2Fopenapi.json', '%2e%2e', '%E2%80%AE', 'a%2Fb'), weight: 1 },
  ).map((value) => (name ? value : value));
}

function encodeLoosely(value: string): string {
  try {
    return encodeURIComponent(value) || '%20';
  } catch {
    return '%ED%A0%80';
  }
}

function queryFor(operation: Operation): fc.Arbitrary<string> {
  const params = (operation.spec.parameters ?? []).filter((param) => param.in === 'query');
  const entries = params.map((param) => {
    const schema = resolve(world.doc, param.schema);
    const value =
      param.name === 'cursor'
        ? fc.oneof(fc.constantFrom(...JUNK_CURSORS, world.cursorA), hostileString())
        : param.name === 'client_secret'
          ? fc.constantFrom(world.secretA, world.secretB, world.expiredA, SECRET_KEY, '', 'ws_x')
          : fc.oneof(valueOf(world.doc, schema, {}), valueOf(world.doc, schema, {}), valueNear(world.doc, schema, {}));
    const text = value.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
    return fc.option(fc.tuple(fc.constant(param.name), text), { freq: 2 });
  });
  const extra = fc.option(fc.tuple(fc.constantFrom('limit', 'cursor', 'format', 'x', '__proto__', 'refresh', 'market'), hostileString()), {
    freq: 3,
  });
  return fc.tuple(fc.tuple(...entries), extra, fc.boolean()).map(([chosen, junk, twice]) => {
    const search = new URLSearchParams();
    for (const entry of [...chosen, junk]) {
      if (!entry) continue;
      search.append(entry[0], entry[1]);
      if (twice) search.append(entry[0], entry[1]);
    }
    const text = search.toString();
    return text ? `?${text}` : '';
  });
}

function fieldArbitraries(): FieldArbitraries {
  return {
    account_id: fc.oneof(fc.constantFrom(world.accountA, world.accountB, 'acc_unknown'), hostileString()),
    idempotency_key: fc.oneof(fc.constantFrom('k1', 'k2', 'fresh'), hostileString()),
    recipient: fc.oneof(fc.constantFrom('+14155550100', '919876543210', '+', '0', '+999999999999999'), hostileString()),
    market: fc.oneof(fc.constantFrom('IN', 'BR', 'US', 'NORTH_AMERICA', 'XX', 'in'), hostileString()),
  };
}

function bodyFor(operation: Operation): fc.Arbitrary<{ body: string | Uint8Array | undefined; contentType: string | undefined }> {
  const contentTypes = fc.constantFrom(
    'application/json',
    'application/json',
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=utf-16',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    undefined,
  );
  if (operation.method === 'GET' || operation.method === 'HEAD') {
    return contentTypes.map((contentType) => ({ body: undefined, contentType }));
  }
  const schema = operation.spec.requestBody?.content['application/json']?.schema;
  const shaped = schema
    ? fc.oneof(valueOf(world.doc, schema, fieldArbitraries()), valueNear(world.doc, schema, fieldArbitraries())).map((value) => JSON.stringify(value) ?? 'null')
    : fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null');
  const bodies: fc.Arbitrary<string | Uint8Array | undefined> = fc.oneof(
    { arbitrary: shaped, weight: 10 },
    { arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        undefined,
        '',
        '{',
        '{"amount":',
        'null',
        '[]',
        '"str"',
        '{"a":1}{"b":2}',
        '\uFEFF{}',
        '{"amount":{"amount":"1","currency":"USD"},"amount":{"amount":"2","currency":"USD"}}',
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{"x":1}}}',
        `{"note":"${'\\u0000'.repeat(50)}"}`,
        deeplyNested(10_000),
        `{"a":${deeplyNested(2_000)}}`,
        `{"note":"${'x'.repeat(70 * 1024)}"}`,
        `[${'1,'.repeat(30_000)}1]`,
        ...HOSTILE_STRINGS,
      ),
      weight: 3,
    },
    { arbitrary: fc.constantFrom(new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]), new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d])), weight: 1 },
  );
  return fc.tuple(bodies, contentTypes).map(([body, contentType]) => ({ body, contentType }));
}

function extraHeaders(): fc.Arbitrary<Record<string, string>> {
  return fc
    .array(
      fc.constantFrom<[string, string]>(
        ['X-Forwarded-For', '1.2.3.4, <script>, ::1'],
        ['X-Forwarded-Host', 'evil.example'],
        ['X-Forwarded-Proto', 'javascript'],
        ['Accept-Language', 'zz-ZZ-u-nu-arab;q=2, *;q=-1'],
        ['Accept-Language', 'x'.repeat(4000)],
        ['Accept', 'text/csv'],
        ['Origin', 'https://evil.example'],
        ['Origin', 'null'],
        ['X-Request-Id', 'x'.repeat(300)],
        ['X-Request-Id', 'é\u00ff'],
        ['X-Hub-Signature-256', 'sha256=00'],
        ['If-None-Match', '*'],
        ['Range', 'bytes=0-1'],
        ['Cookie', 'session=1'],
      ),
      { maxLength: 3 },
    )
    .map((pairs) => Object.fromEntries(pairs));
}

function requestsFor(operation: Operation): fc.Arbitrary<HostileRequest> {
  const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const pathArb = fc.tuple(...names.map(pathValues)).map((values) =>
    names.reduce((path, name, index) => path.replace(`{${name}}`, values[index] as string), operation.path),
  );
  return fc
    .tuple(pathArb, queryFor(operation), authorizations(operation), bodyFor(operation), extraHeaders())
    .map(([path, query, authorization, { body, contentType }, extra]) => {
      const headers: Record<string, string> = { ...extra };
      if (authorization !== undefined) headers['Authorization'] = authorization;
      if (contentType !== undefined) headers['Content-Type'] = contentType;
      return { method: operation.method, url: `http://localhost${path}${query}`, headers, body };
    });
}

/** Requests to the routes outside the document: hosted pages, webhooks, the sandbox checkout, metrics. */
function undocumentedRequests(): fc.Arbitrary<HostileRequest> {
  const token = fc.oneof(fc.constantFrom(world.tokenA, `${world.tokenA.slice(0, -1)}A`, 'x'.repeat(43)), hostileString().map(encodeLoosely));
  const json = fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null');
  const metaChange = fc.record({
    field: fc.constantFrom('messages', 'phone_number_quality_update', 'business_capability_update', 'account_update', '', '__proto__'),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({
        statuses: fc.array(
          fc.record({
            id: hostileString(),
            status: fc.constantFrom('delivered', 'read', 'sent', 'failed', 'x'),
            timestamp: fc.oneof(fc.constantFrom('1700000000', '-1', '1e12', '99999999999999999999'), hostileString()),
            recipient_id: fc.constantFrom('919876543210', '+', '', '14155550100'),
            pricing: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.record({ billable: fc.boolean(), type: fc.constantFrom('regular', 'free'), category: hostileString() })),
          }),
          { maxLength: 3 },
        ),
        metadata: fc.record({ phone_number_id: fc.constantFrom('100000000000000', '100000000000001', '', 'x') }),
        display_phone_number: hostileString(),
        event: hostileString(),
        current_limit: hostileString(),
        max_daily_conversations_per_business: fc.oneof(fc.integer(), hostileString()),
      }),
    ),
  });
  const envelope = fc
      .record({
        object: fc.constantFrom('whatsapp_business_account', 'whatsapp_business_account', 'page'),
        entry: fc.array(fc.record({ id: fc.constantFrom('200000000000001', 'x'), changes: fc.array(metaChange, { minLength: 1, maxLength: 3 }) }), {
          minLength: 1,
          maxLength: 2,
        }),
      })
      .map((value) => JSON.stringify(value));
  const metaBody = fc.oneof({ arbitrary: json, weight: 1 }, { arbitrary: envelope, weight: 4 });
  const sandboxBody = fc
    .record({
      id: hostileString(),
      type: fc.constantFrom('paid', 'failed', 'expired', 'refunded'),
      session: fc.oneof(fc.constant(world.checkoutA), hostileString()),
      amount: fc.oneof(fc.constant('25.00'), fc.constantFrom(...MONEY_AMOUNTS)),
      currency: fc.oneof(fc.constant('USD'), fc.constantFrom(...CURRENCIES)),
    })
    .map((value) => JSON.stringify(value));
  const request = (method: string, path: string, body?: string, headers: Record<string, string> = {}): HostileRequest => ({
    method,
    url: `http://localhost${path}`,
    headers,
    body,
  });
  return fc.oneof(
    fc.tuple(token, extraHeaders()).map(([value, headers]) => request('GET', `/pay/${value}`, undefined, headers)),
    fc
      .tuple(token, fc.oneof(json, hostileString()), extraHeaders())
      .map(([value, body, headers]) => request('POST', `/pay/${value}`, body, { 'Content-Type': 'application/x-www-form-urlencoded', ...headers })),
    fc
      .tuple(fc.constantFrom('hub.mode', 'hub.verify_token', 'hub.challenge'), hostileString())
      .map(([name, value]) => request('GET', `/webhooks/meta?hub.mode=subscribe&${new URLSearchParams([[name, value]])}`)),
    fc
      .tuple(metaBody, fc.boolean())
      .map(([body, signed]) =>
        request('POST', '/webhooks/meta', body, { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signed ? metaSignature(META_APP_SECRET, body) : 'sha256=00' }),
      ),
    fc
      .tuple(fc.constantFrom('sandbox', 'stripe', 'paypal', '..'), fc.oneof(sandboxBody, json), fc.boolean())
      .map(([provider, body, signed]) =>
        request('POST', `/webhooks/payments/${provider}`, body, {
          'Content-Type': 'application/json',
          'Sandbox-Signature': signed ? world.sandbox.sign(body) : 't=1,v1=00',
          'Stripe-Signature': 't=1,v1=00',
        }),
      ),
    fc
      .tuple(fc.oneof(fc.constant(world.checkoutA), hostileString().map(encodeLoosely)), fc.constantFrom('', '/pay', '/fail', '/cancel', '/x'))
      .map(([session, action]) =>
        request(action ? 'POST' : 'GET', `/sandbox/checkout/${session}${action}`, action ? '' : undefined, {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: 'https://evil.example',
        }),
      ),
    fc.constantFrom('/checkout/complete', '/checkout/cancelled', '/metrics').chain((path) =>
      junkAuthorizations().map((authorization) => request('GET', path, undefined, authorization ? { Authorization: authorization } : {})),
    ),
  );
}

async function assertRefusedCleanly(request: HostileRequest): Promise<void> {
  const { t } = world;
  // Time moves on, so rate-limit windows roll over and expiries come due between requests.
  t.clock.advance(1_000);
  const before = databaseDigest();
  const errorsBefore = t.errors.length;
  const res = await t.app.request(request.url, { method: request.method, headers: request.headers, body: request.body });
  const type = res.headers.get('Content-Type') ?? '';
  let text = '';
  if (type.startsWith('text/event-stream')) await res.body?.cancel();
  else text = await res.text();
  const where = `${request.method} ${request.url.slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;
  assert.ok(res.status < 500, `server error: ${where}`);
  assert.equal(t.errors.length, errorsBefore, `logged an unexpected error: ${where}: ${String(t.errors.at(-1))}`);
  if (res.status >= 400) {
    // Hosted pages answer people in HTML; every API error is the JSON shape.
    if (type.startsWith('text/html') && /^\/(pay|sandbox|checkout)\//.test(new URL(request.url).pathname)) {
      assert.equal(databaseDigest(), before, `a refused request wrote: ${where}`);
      return;
    }
    assert.match(type, /^application\/json/, `error without JSON: ${where}`);
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    assert.equal(typeof body.error?.code, 'string', `error shape: ${where}`);
    assert.equal(typeof body.error?.message, 'string', `error shape: ${where}`);
    assert.equal(databaseDigest(), before, `a refused request wrote: ${where}`);
  } else if (request.method === 'GET') {
    assert.equal(databaseDigest(), before, `a read wrote: ${where}`);
  }
}

describe('hostile input over every operation of /openapi.json', () => {
  test('the document lists the operations', () => {
    assert.ok(operationsOf(world.doc).length >= 25);
  });

  test('every operation answers junk with a 4xx in the error shape, never a 5xx, never a write', async (t) => {
    const operations = operationsOf(world.doc);
    for (const [index, operation] of operations.entries()) {
      await t.test(`${operation.method} ${operation.path}`, async () => {
        const seed = SEED + index;
        try {
          await fc.assert(fc.asyncProperty(requestsFor(operation), assertRefusedCleanly), { seed, numRuns: RUNS, includeErrorInReport: true });
        } catch (error) {
          // fast-check's report carries the seed and the shrunk path; say which operation too.
          console.error(`hostile input: ${operation.method} ${operation.path} failed with FUZZ_SEED=${SEED} (operation seed ${seed})`);
          throw error;
        }
      });
    }
  });

  test('hosted pages, webhooks, the sandbox checkout and /metrics answer junk without a 5xx or a write', async () => {
    await fc.assert(fc.asyncProperty(undocumentedRequests(), assertRefusedCleanly), {
      seed: SEED,
      numRuns: RUNS * 10,
      includeErrorInReport: true,
    });
  });
});
