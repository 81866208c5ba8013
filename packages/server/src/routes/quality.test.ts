import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { limitForAccount } from '../domain/quality/limits.js';
import { qualityWebhookHandlers } from '../domain/quality/webhook-handlers.js';
import { createGraphClient, DEFAULT_GRAPH_URL } from '../providers/meta-graph/graph-client.js';
import type { TestApp } from '../test/harness.js';
import { createTestApp } from '../test/harness.js';

interface FakeNumber {
  rating: string;
  tier: string;
  fail?: 'http500' | 'network' | 'timeout';
}

const numbers = new Map<string, FakeNumber>();
const calls = new Map<string, number>();
const server = setupServer(
  http.get(`${DEFAULT_GRAPH_URL}/:id`, async ({ params }) => {
    const id = String(params['id']);
    calls.set(id, (calls.get(id) ?? 0) + 1);
    const fake = numbers.get(id);
    await delay(10);
    if (!fake) return HttpResponse.json({ error: { message: 'Unsupported get request', code: 100 } }, { status: 400 });
    if (fake.fail === 'http500') return HttpResponse.json({ error: { message: 'An unknown error occurred' } }, { status: 500 });
    if (fake.fail === 'network') return HttpResponse.error();
    // A Meta that answers only well after the client's deadline (a timer due earlier always fires first).
    if (fake.fail === 'timeout') await delay(3000);
    return HttpResponse.json({
      id,
      display_phone_number: `+1 555-${id.slice(-7, -4)}-${id.slice(-4)}`,
      verified_name: `Name ${id.slice(-4)}`,
      quality_rating: fake.rating,
      whatsapp_business_manager_messaging_limit: fake.tier,
      name_status: 'APPROVED',
      status: 'CONNECTED',
    });
  }),
);

const MINUTE = 60_000;

describe('quality and quota over the Graph API', () => {
  let t: TestApp;
  let phoneSeq = 0;

  async function openWithSession(fake: FakeNumber | null, overrides: Record<string, unknown> = {}) {
    const phoneNumberId = `10654035224${String(++phoneSeq).padStart(4, '0')}`;
    if (fake) numbers.set(phoneNumberId, fake);
    const account = await t.openAccount({ phone_number_id: phoneNumberId, ...overrides });
    return { account, phoneNumberId, secret: await t.mintSession(account.id) };
  }

  before(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    numbers.clear();
    calls.clear();
    // The deadline tells a hung Meta apart (it answers after 3 s, above); answers that do come must never race it
    // on a busy machine, so it is far above their 10 ms.
    t = createTestApp({ metaGraph: createGraphClient({ accessToken: 'EAAJB-test', timeoutMs: 2000 }) });
  });
  afterEach(() => t.close());
  after(() => server.close());

  it('maps Meta’s fields into /v1/quality, /v1/quota and the phone of /v1/account', async () => {
    const { account, phoneNumberId, secret } = await openWithSession(
      { rating: 'GREEN', tier: 'TIER_10K' },
      { business_portfolio_id: '1203948576102938', display_phone_number: null },
    );
    const quality = await t.widget(secret, 'GET', '/v1/quality');
    assert.equal(quality.status, 200);
    assert.deepEqual(quality.body, { rating: 'GREEN', updated_at: '2025-01-15T10:00:00.000Z', stale: false, refresh_failed: false, history: [] });
    const quota = await t.widget(secret, 'GET', '/v1/quota');
    assert.deepEqual(quota.body, {
      tier: 'TIER_10K',
      limit: 10000,
      unlimited: false,
      window_hours: 24,
      business_portfolio_id: '1203948576102938',
      updated_at: '2025-01-15T10:00:00.000Z',
      stale: false,
      refresh_failed: false,
    });
    const me = await t.widget(secret, 'GET', '/v1/account');
    assert.deepEqual(me.body, {
      id: account.id,
      name: 'Test Bakery',
      currency: 'USD',
      phone: {
        display_phone_number: `+1 555-${phoneNumberId.slice(-7, -4)}-${phoneNumberId.slice(-4)}`,
        verified_name: `Name ${phoneNumberId.slice(-4)}`,
        name_status: 'APPROVED',
        status: 'CONNECTED',
        quality_rating: 'GREEN',
      },
    });
    assert.equal(calls.get(phoneNumberId), 1);
  });

  it('serves the cache while it is younger than 5 minutes, then reads Meta again', async () => {
    const { phoneNumberId, secret } = await openWithSession({ rating: 'GREEN', tier: 'TIER_2K' });
    await t.widget(secret, 'GET', '/v1/quality');
    t.clock.advance(4 * MINUTE);
    await t.widget(secret, 'GET', '/v1/quality');
    await t.widget(secret, 'GET', '/v1/quota');
    assert.equal(calls.get(phoneNumberId), 1);
    t.clock.advance(MINUTE);
    const res = await t.widget(secret, 'GET', '/v1/quality');
    assert.equal(calls.get(phoneNumberId), 2);
    assert.equal(res.body.updated_at, '2025-01-15T10:05:00.000Z');
  });

  it('refreshes on ?refresh=1 at most once per 30 seconds, serving the cache in between', async () => {
    const fake: FakeNumber = { rating: 'GREEN', tier: 'TIER_2K' };
    const { phoneNumberId, secret } = await openWithSession(fake);
    await t.widget(secret, 'GET', '/v1/quality');
    fake.rating = 'YELLOW';
    t.clock.advance(10_000);
    const early = await t.widget(secret, 'GET', '/v1/quality?refresh=1');
    assert.equal(early.body.rating, 'GREEN');
    assert.equal(calls.get(phoneNumberId), 1);
    t.clock.advance(20_000);
    const due = await t.widget(secret, 'GET', '/v1/quality?refresh=1');
    assert.equal(calls.get(phoneNumberId), 2);
    assert.equal(due.body.rating, 'YELLOW');
    assert.deepEqual(due.body.history, [
      { at: '2025-01-15T10:00:30.000Z', event: 'QUALITY_CHANGED', rating: 'YELLOW', tier: null, source: 'graph' },
    ]);
  });

  it('shares one Graph read among concurrent requests for the same account', async () => {
    const { phoneNumberId, secret } = await openWithSession({ rating: 'RED', tier: 'TIER_250' });
    const results = await Promise.all([
      t.widget(secret, 'GET', '/v1/quality'),
      t.widget(secret, 'GET', '/v1/quota'),
      t.widget(secret, 'GET', '/v1/account'),
      t.widget(secret, 'GET', '/v1/quality?refresh=1'),
    ]);
    assert.equal(calls.get(phoneNumberId), 1);
    assert.deepEqual(
      results.map((res) => res.status),
      [200, 200, 200, 200],
    );
    assert.equal(results[0]?.body.rating, 'RED');
    assert.equal(results[1]?.body.limit, 250);
  });

  for (const failure of ['http500', 'network', 'timeout'] as const) {
    it(`serves the last known values with stale: true when Meta fails (${failure}), never an error`, async () => {
      const fake: FakeNumber = { rating: 'GREEN', tier: 'TIER_10K' };
      const { secret } = await openWithSession(fake);
      await t.widget(secret, 'GET', '/v1/quality');
      fake.fail = failure;
      t.clock.advance(6 * MINUTE);
      const quality = await t.widget(secret, 'GET', '/v1/quality');
      assert.equal(quality.status, 200);
      assert.deepEqual(quality.body, { rating: 'GREEN', updated_at: '2025-01-15T10:00:00.000Z', stale: true, refresh_failed: false, history: [] });
      const quota = await t.widget(secret, 'GET', '/v1/quota');
      assert.equal(quota.status, 200);
      assert.equal(quota.body.tier, 'TIER_10K');
      assert.equal(quota.body.stale, true);
      assert.deepEqual(t.errors, []);
    });
  }

  it('answers stale: true and refresh_failed: true to a ?refresh=1 Meta cannot answer, however fresh the cache', async () => {
    const fake: FakeNumber = { rating: 'GREEN', tier: 'TIER_10K' };
    const { secret } = await openWithSession(fake);
    await t.widget(secret, 'GET', '/v1/quality');
    fake.fail = 'http500';
    t.clock.advance(MINUTE);
    const quality = await t.widget(secret, 'GET', '/v1/quality?refresh=1');
    assert.deepEqual(
      [quality.status, quality.body.rating, quality.body.stale, quality.body.refresh_failed],
      [200, 'GREEN', true, true],
    );
    t.clock.advance(MINUTE);
    const quota = await t.widget(secret, 'GET', '/v1/quota?refresh=1');
    assert.deepEqual([quota.status, quota.body.tier, quota.body.stale, quota.body.refresh_failed], [200, 'TIER_10K', true, true]);
    const plain = await t.widget(secret, 'GET', '/v1/quality');
    assert.deepEqual([plain.body.stale, plain.body.refresh_failed], [false, false]);
  });

  it('keeps saying refresh_failed to a refresh the 30-second limit holds back after a failed one', async () => {
    const fake: FakeNumber = { rating: 'GREEN', tier: 'TIER_10K' };
    const { phoneNumberId, secret } = await openWithSession(fake);
    await t.widget(secret, 'GET', '/v1/quality');
    fake.fail = 'network';
    t.clock.advance(MINUTE);
    assert.equal((await t.widget(secret, 'GET', '/v1/quality?refresh=1')).body.refresh_failed, true);
    t.clock.advance(10_000);
    const held = await t.widget(secret, 'GET', '/v1/quality?refresh=1');
    assert.deepEqual([held.body.stale, held.body.refresh_failed], [true, true]);
    assert.equal(calls.get(phoneNumberId), 2);
    delete fake.fail;
    t.clock.advance(30_000);
    const recovered = await t.widget(secret, 'GET', '/v1/quality?refresh=1');
    assert.deepEqual([recovered.body.stale, recovered.body.refresh_failed], [false, false]);
    t.clock.advance(10_000);
    assert.equal((await t.widget(secret, 'GET', '/v1/quality?refresh=1')).body.refresh_failed, false);
  });

  it('answers UNKNOWN / null with stale: true when Meta is down and nothing was ever known', async () => {
    const { secret } = await openWithSession({ rating: 'GREEN', tier: 'TIER_10K', fail: 'network' });
    const quality = await t.widget(secret, 'GET', '/v1/quality');
    assert.deepEqual(quality.body, { rating: 'UNKNOWN', updated_at: null, stale: true, refresh_failed: false, history: [] });
    const quota = await t.widget(secret, 'GET', '/v1/quota');
    assert.deepEqual(quota.body, {
      tier: null,
      limit: null,
      unlimited: false,
      window_hours: 24,
      business_portfolio_id: null,
      updated_at: null,
      stale: true,
      refresh_failed: false,
    });
  });

  it('does not retry a failing Meta on every read: the next attempt waits 30 seconds', async () => {
    const fake: FakeNumber = { rating: 'GREEN', tier: 'TIER_10K', fail: 'http500' };
    const { phoneNumberId, secret } = await openWithSession(fake);
    await t.widget(secret, 'GET', '/v1/quality');
    await t.widget(secret, 'GET', '/v1/quality');
    assert.equal(calls.get(phoneNumberId), 1);
    delete fake.fail;
    t.clock.advance(30_000);
    const res = await t.widget(secret, 'GET', '/v1/quality');
    assert.equal(calls.get(phoneNumberId), 2);
    assert.equal(res.body.stale, false);
  });

  it('shares one limit among the numbers of a business portfolio', async () => {
    const a = await openWithSession({ rating: 'GREEN', tier: 'TIER_10K' }, { business_portfolio_id: '1203948576100001' });
    const bFake: FakeNumber = { rating: 'YELLOW', tier: 'TIER_10K' };
    const b = await openWithSession(bFake, { business_portfolio_id: '1203948576100001' });
    const lone = await openWithSession({ rating: 'GREEN', tier: 'TIER_250' });
    await t.widget(a.secret, 'GET', '/v1/quota');
    const bQuota = await t.widget(b.secret, 'GET', '/v1/quota');
    assert.equal(bQuota.body.tier, 'TIER_10K');
    assert.equal(bQuota.body.stale, false);
    assert.equal(calls.get(b.phoneNumberId), undefined, "a fresh portfolio limit needs no read of B's number");

    bFake.tier = 'TIER_100K';
    t.clock.advance(MINUTE);
    await t.widget(b.secret, 'GET', '/v1/quality');
    const aQuota = await t.widget(a.secret, 'GET', '/v1/quota');
    assert.equal(aQuota.body.tier, 'TIER_100K');
    assert.equal(aQuota.body.limit, 100000);
    const changed = { at: '2025-01-15T10:01:00.000Z', event: 'LIMIT_CHANGED', rating: null, tier: 'TIER_100K', source: 'graph' };
    assert.deepEqual((await t.widget(a.secret, 'GET', '/v1/quality')).body.history, [changed]);
    assert.deepEqual((await t.widget(b.secret, 'GET', '/v1/quality')).body.history, [changed]);
    assert.deepEqual(await limitForAccount(t.store, a.account.id), { tier: 'TIER_100K', limit: 100000, unlimited: false });

    await t.widget(lone.secret, 'GET', '/v1/quota');
    assert.deepEqual(await limitForAccount(t.store, lone.account.id), { tier: 'TIER_250', limit: 250, unlimited: false });
    assert.equal(await limitForAccount(t.store, 'acc_missing'), null);
  });

  it("scopes every read to the session's account", async () => {
    const a = await openWithSession({ rating: 'GREEN', tier: 'TIER_10K' });
    const b = await openWithSession({ rating: 'RED', tier: 'TIER_250' });
    await qualityWebhookHandlers({ store: t.store })['business_capability_update']?.({
      wabaId: '999999999999999',
      field: 'business_capability_update',
      value: { max_daily_conversations_per_business: 'TIER_UNLIMITED' },
      receivedAt: t.clock.now(),
    });
    assert.equal((await t.widget(a.secret, 'GET', '/v1/quality')).body.rating, 'GREEN');
    assert.equal((await t.widget(b.secret, 'GET', '/v1/quality')).body.rating, 'RED');
    assert.equal((await t.widget(b.secret, 'GET', '/v1/quota')).body.tier, 'TIER_250');
    assert.equal(calls.get(a.phoneNumberId), 1);
    assert.equal(calls.get(b.phoneNumberId), 1);
  });

  it('returns at most 50 timeline lines, newest first', async () => {
    const { account, secret } = await openWithSession({ rating: 'GREEN', tier: 'TIER_10K' });
    for (let i = 0; i < 60; i++) {
      await t.store.phoneStatus.recordLimitEvent({
        portfolioKey: account.id,
        tier: i % 2 === 0 ? 'TIER_2K' : 'TIER_10K',
        event: 'UPGRADE',
        accountIds: [account.id],
        at: new Date(Date.UTC(2025, 0, 1, 0, i)),
        duplicateWindowMs: MINUTE,
      });
    }
    const history = (await t.widget(secret, 'GET', '/v1/quality')).body.history as { at: string }[];
    assert.equal(history.length, 50);
    assert.equal(history[0]?.at, '2025-01-01T00:59:00.000Z');
    assert.equal(history[49]?.at, '2025-01-01T00:10:00.000Z');
  });

  it('refuses a malformed refresh flag with 400', async () => {
    const { secret } = await openWithSession({ rating: 'GREEN', tier: 'TIER_10K' });
    const res = await t.widget(secret, 'GET', '/v1/quality?refresh=yes');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid_request');
  });
});

describe('quality and quota without a Graph client', () => {
  it('serves what webhooks told, not stale, and UNKNOWN where nothing was told', async () => {
    const t = createTestApp();
    const account = await t.openAccount({ waba_id: '524126980791429', display_phone_number: '+1 555-078-3881' });
    const secret = await t.mintSession(account.id);
    assert.deepEqual((await t.widget(secret, 'GET', '/v1/quality')).body, {
      rating: 'UNKNOWN',
      updated_at: null,
      stale: false,
      refresh_failed: false,
      history: [],
    });
    await qualityWebhookHandlers({ store: t.store })['business_capability_update']?.({
      wabaId: '524126980791429',
      field: 'business_capability_update',
      value: { max_daily_conversations_per_business: 2000, max_phone_numbers_per_waba: 25 },
      receivedAt: t.clock.now(),
    });
    const quota = await t.widget(secret, 'GET', '/v1/quota?refresh=1');
    assert.deepEqual(quota.body, {
      tier: 'TIER_2K',
      limit: 2000,
      unlimited: false,
      window_hours: 24,
      business_portfolio_id: null,
      updated_at: '2025-01-15T10:00:00.000Z',
      stale: false,
      refresh_failed: false,
    });
    await t.close();
  });
});
