import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createApp } from '../app.js';
import { createManualClock } from '../domain/clock.js';
import { metaSignature } from '../domain/meta/signature.js';
import type { WebhookChange } from '../domain/meta/webhook-change.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { TestApp } from '../test/harness.js';
import { createTestApp, META_APP_SECRET, META_VERIFY_TOKEN, SECRET_KEY } from '../test/harness.js';
import { postWebhook, regular, statusChange, statusItem, webhook } from '../test/meta.js';

const IN_NUMBER = '919876543210';

describe('GET /webhooks/meta (handshake)', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());
  const handshake = (query: string) => t.app.request(`/webhooks/meta?${query}`);

  it('echoes hub.challenge as text when the verify token matches', async () => {
    const res = await handshake(`hub.mode=subscribe&hub.verify_token=${META_VERIFY_TOKEN}&hub.challenge=1158201444`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '1158201444');
  });

  it('refuses a wrong token, a prefix of it, another mode or no token with 403', async () => {
    for (const query of [
      'hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1',
      `hub.mode=subscribe&hub.verify_token=${META_VERIFY_TOKEN.slice(0, -1)}&hub.challenge=1`,
      `hub.mode=unsubscribe&hub.verify_token=${META_VERIFY_TOKEN}&hub.challenge=1`,
      'hub.mode=subscribe&hub.challenge=1',
    ]) {
      const res = await handshake(query);
      assert.equal(res.status, 403, query);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'forbidden');
    }
  });

  it('refuses every handshake when no verify token is configured', async () => {
    const app = createApp({ store: t.store, clock: t.clock, config: { secretKey: SECRET_KEY, allowedOrigins: [] } });
    const res = await app.request('/webhooks/meta?hub.mode=subscribe&hub.verify_token=&hub.challenge=1');
    assert.equal(res.status, 403);
  });
});

describe('POST /webhooks/meta (signature)', () => {
  let t: TestApp;
  let accountId: string;
  const payload = () => webhook([statusChange('106540352242922', [statusItem('wamid.A', 'delivered', IN_NUMBER, regular('marketing'))])]);

  async function assertNothingStored(): Promise<void> {
    assert.equal((await t.store.listLedgerEntries(accountId)).length, 0);
    assert.equal(await t.store.getMessageCharge(accountId, 'wamid.A'), null);
    assert.deepEqual(await t.store.listWebhookStats(), []);
  }

  beforeEach(async () => {
    t = createTestApp();
    accountId = (await t.openAccount({ phone_number_id: '106540352242922' })).id;
    await t.partner('PUT', '/v1/rate-card', { currency: 'USD', rates: [{ market: 'IN', category: 'marketing', price: { amount: '0.0118', currency: 'USD' } }] });
  });
  afterEach(() => t.close());

  it('accepts a body signed with the app secret', async () => {
    const res = await postWebhook(t, payload());
    assert.equal(res.status, 200);
    assert.equal((await t.store.listLedgerEntries(accountId)).length, 1);
  });

  it('refuses a missing signature with 401 invalid_signature and stores nothing', async () => {
    const res = await postWebhook(t, payload(), null);
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'invalid_signature');
    await assertNothingStored();
  });

  it('refuses a signature made with another secret, a malformed one, and a tampered body', async () => {
    const raw = JSON.stringify(payload());
    const good = metaSignature(META_APP_SECRET, raw);
    const attempts: [string, string][] = [
      [raw, metaSignature('another secret', raw)],
      [raw, good.replace('sha256=', 'sha1=')],
      [raw, good.slice(0, -2)],
      [raw, `${good}00`],
      [raw, 'sha256=not-hex'],
      [raw.replace('0.0118', '0.0001').replace('delivered', 'read'), good],
      [raw.replace(IN_NUMBER, '919876543211'), good],
    ];
    for (const [body, signature] of attempts) {
      const res = await t.raw('POST', '/webhooks/meta', body, { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature });
      assert.equal(res.status, 401, signature);
    }
    await assertNothingStored();
  });

  it('checks the signature before parsing: unsigned garbage is 401, signed garbage 400 invalid_json', async () => {
    assert.equal((await postWebhook(t, '{not json', null)).status, 401);
    const res = await postWebhook(t, '{not json');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid_json');
  });

  it('verifies the exact bytes: escapes and emoji are not re-serialised', async () => {
    const raw = JSON.stringify(payload()).replace('"messaging_product"', '"note":"caf\\u00e9 ☕","messaging_product"');
    assert.equal((await postWebhook(t, raw)).status, 200);
  });

  it('refuses every webhook when no app secret is configured', async () => {
    const app = createApp({ store: t.store, clock: t.clock, config: { secretKey: SECRET_KEY, allowedOrigins: [] } });
    const raw = JSON.stringify(payload());
    const res = await app.request('/webhooks/meta', { method: 'POST', body: raw, headers: { 'X-Hub-Signature-256': metaSignature('', raw) } });
    assert.equal(res.status, 401);
    await assertNothingStored();
  });

  it('answers 400 to a signed body that is not a webhook envelope', async () => {
    const res = await postWebhook(t, { entry: 'nope' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid_request');
  });
});

describe('POST /webhooks/meta (dispatch)', () => {
  it('gives each change to its field handler, acknowledges and counts fields without one', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    const clock = createManualClock();
    const seen: WebhookChange[] = [];
    const app = createApp({
      store,
      clock,
      config: { secretKey: SECRET_KEY, allowedOrigins: [], metaAppSecret: META_APP_SECRET },
      metaChangeHandlers: { phone_number_quality_update: async (change) => void seen.push(change) },
    });
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        { id: '1', time: 1748454394, changes: [{ field: 'phone_number_quality_update', value: { event: 'ONBOARDING' } }] },
        { id: '2', changes: [{ field: 'account_update', value: {} }, { field: 'account_update', value: {} }] },
      ],
    });
    const res = await app.request('/webhooks/meta', { method: 'POST', body, headers: { 'X-Hub-Signature-256': metaSignature(META_APP_SECRET, body) } });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { received: 3 });
    assert.deepEqual(seen, [{ wabaId: '1', field: 'phone_number_quality_update', value: { event: 'ONBOARDING' }, receivedAt: clock.now() }]);
    const stats = await store.listWebhookStats();
    assert.deepEqual(stats.map(({ name, key, count }) => ({ name, key, count })), [{ name: 'unhandled_field', key: 'account_update', count: 2 }]);
    await store.close();
  });

  it('asks Meta to redeliver (503) when the database was busy, after handling the other changes', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    const calls: string[] = [];
    const app = createApp({
      store,
      clock: createManualClock(),
      config: { secretKey: SECRET_KEY, allowedOrigins: [], metaAppSecret: META_APP_SECRET },
      metaChangeHandlers: {
        busy: async () => {
          throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        },
        ok: async (change) => void calls.push(change.field),
      },
      logError: () => {},
    });
    const body = JSON.stringify(webhook([{ field: 'busy', value: {} }, { field: 'ok', value: {} }]));
    const res = await app.request('/webhooks/meta', { method: 'POST', body, headers: { 'X-Hub-Signature-256': metaSignature(META_APP_SECRET, body) } });
    assert.equal(res.status, 503);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'retry_later');
    assert.deepEqual(calls, ['ok']);
    await store.close();
  });

  it('logs and counts a handler that throws, goes on with the rest and still answers 200', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    const logged: unknown[] = [];
    const calls: string[] = [];
    const app = createApp({
      store,
      clock: createManualClock(),
      config: { secretKey: SECRET_KEY, allowedOrigins: [], metaAppSecret: META_APP_SECRET },
      metaChangeHandlers: {
        boom: async () => {
          throw new Error('bug');
        },
        ok: async (change) => void calls.push(change.wabaId),
      },
      logError: (_message, error) => logged.push(error),
    });
    const body = JSON.stringify(webhook([{ field: 'boom', value: {} }, { field: 'ok', value: {} }, { nofield: true }]));
    const res = await app.request('/webhooks/meta', { method: 'POST', body, headers: { 'X-Hub-Signature-256': metaSignature(META_APP_SECRET, body) } });
    assert.equal(res.status, 200);
    assert.deepEqual(calls, ['102290129340398']);
    assert.equal(logged.length, 1);
    const stats = (await store.listWebhookStats()).map(({ name, key, count }) => `${name}/${key}=${count}`);
    assert.deepEqual(stats, ['handler_error/boom=1', 'invalid_change/=1']);
    await store.close();
  });

  it('acknowledges other objects (e.g. a Page subscription) without processing them', async () => {
    const t = createTestApp();
    const res = await postWebhook(t, { object: 'page', entry: [{ id: '1', changes: [{ field: 'feed', value: {} }] }] });
    assert.equal(res.status, 200);
    assert.deepEqual((await t.store.listWebhookStats()).map((stat) => [stat.name, stat.key]), [['ignored_object', 'page']]);
    await t.close();
  });

  it('accepts a body over the /v1 limit (Meta batches up to 3 MB)', async () => {
    const t = createTestApp();
    const statuses = Array.from({ length: 2000 }, (_, i) => statusItem(`wamid.${i}`, 'sent', IN_NUMBER, { billable: true, type: 'regular', category: 'marketing' }));
    const res = await postWebhook(t, webhook([statusChange('999', statuses)]));
    assert.equal(res.status, 200);
    await t.close();
  });
});
