import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTestApp, SECRET_KEY } from '../test/harness.js';
import type { TestApp } from '../test/harness.js';
import { postWebhook, regular, statusChange, statusItem, webhook } from '../test/meta.js';

const METRICS_TOKEN = 'metrics_token_for_tests_0123456789';

async function scrape(t: TestApp, token = SECRET_KEY): Promise<string> {
  const res = await t.app.request('/metrics', { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('Content-Type') ?? '', /^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one sample line, e.g. `wa_sse_clients 2`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  test('needs the partner key when WA_METRICS_TOKEN is unset', async () => {
    const t = createTestApp();
    assert.equal((await t.app.request('/metrics')).status, 401);
    assert.equal((await t.raw('GET', '/metrics', undefined, { Authorization: 'Bearer nope' })).body.error.code, 'unauthorized');
    await scrape(t);
  });

  test('with WA_METRICS_TOKEN, only that token: the scraper never holds the partner key', async () => {
    const t = createTestApp({ config: { metricsToken: METRICS_TOKEN } });
    assert.equal((await t.app.request('/metrics', { headers: { Authorization: `Bearer ${SECRET_KEY}` } })).status, 401);
    await scrape(t, METRICS_TOKEN);
  });

  test('counts requests and their latency by method, route pattern and status', async () => {
    const t = createTestApp();
    const secret = await t.mintSession((await t.openAccount()).id);
    await t.widget(secret, 'GET', '/v1/topups/tu_one');
    await t.widget(secret, 'GET', '/v1/topups/tu_two');
    await t.app.request('/nothing/here/1');
    const text = await scrape(t);
    assert.equal(sample(text, 'wa_http_requests_total{method="GET",route="/v1/topups/:id",status="404"}'), 2);
    assert.equal(sample(text, 'wa_http_requests_total{method="POST",route="/v1/widget-sessions",status="201"}'), 1);
    assert.equal(sample(text, 'wa_http_requests_total{method="GET",route="unmatched",status="404"}'), 1);
    assert.equal(sample(text, 'wa_http_request_duration_seconds_count{method="GET",route="/v1/topups/:id"}'), 2);
    assert.equal(sample(text, 'wa_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/v1/topups/:id"}'), 2);
    assert.ok(!text.includes('tu_one') && !text.includes('/nothing/here'));
  });

  test('reads ledger appends and the outbox from the database', async () => {
    const t = createTestApp();
    const account = await t.openAccount();
    const secret = await t.mintSession(account.id, ['alerts:write']);
    for (const key of ['a', 'b', 'c']) {
      await t.partner('POST', `/v1/accounts/${account.id}/adjustments`, { amount: { amount: '5.00', currency: 'USD' }, reason: 'seed', idempotency_key: key });
    }
    let text = await scrape(t);
    assert.equal(sample(text, 'wa_ledger_entries'), 3);
    assert.equal(sample(text, 'wa_outbox_pending'), 0);
    assert.equal(sample(text, 'wa_outbox_oldest_age_seconds'), 0);

    // A threshold above the balance crosses it: balance.low waits in the outbox (no host URL here).
    assert.equal((await t.widget(secret, 'PUT', '/v1/alerts/low-balance', { threshold: { amount: '50.00', currency: 'USD' } })).status, 200);
    t.clock.advance(90_000);
    text = await scrape(t);
    assert.equal(sample(text, 'wa_outbox_pending'), 1);
    assert.equal(sample(text, 'wa_outbox_oldest_age_seconds'), 90);
  });

  test('reads the Meta webhook inbox from the database: waiting and given up on', async () => {
    const t = createTestApp();
    let text = await scrape(t);
    assert.equal(sample(text, 'wa_meta_webhook_inbox_waiting'), 0);
    assert.equal(sample(text, 'wa_meta_webhook_inbox_failed'), 0);
    const now = t.clock.now();
    await t.store.webhookInbox.add({ id: 'mwh_1', body: '{}', receivedAt: now }, new Date(now.getTime() + 60_000));
    await t.store.webhookInbox.add({ id: 'mwh_2', body: '{}', receivedAt: now }, new Date(now.getTime() + 60_000));
    await t.store.webhookInbox.markFailed('mwh_2', now, 'not a webhook');
    text = await scrape(t);
    assert.equal(sample(text, 'wa_meta_webhook_inbox_waiting'), 1);
    assert.equal(sample(text, 'wa_meta_webhook_inbox_failed'), 1);
  });

  test("measures webhook lag from Meta's timestamps and counts outcomes", async () => {
    const t = createTestApp();
    const account = await t.openAccount();
    const sentAt = new Date(t.clock.now().getTime() - 7_000);
    const change = statusChange(account.phone_number_id, [statusItem('wamid.1', 'delivered', '919876543210', regular('utility'), sentAt)]);
    assert.equal((await postWebhook(t, webhook([change]))).status, 200);
    assert.equal((await postWebhook(t, webhook([change]), 'wrong secret')).status, 401);
    assert.equal((await postWebhook(t, webhook([{ field: 'account_update', value: {} }]))).status, 200);
    const text = await scrape(t);
    assert.equal(sample(text, 'wa_meta_webhook_lag_seconds_count'), 1);
    assert.equal(sample(text, 'wa_meta_webhook_lag_seconds_sum'), 7);
    assert.equal(sample(text, 'wa_meta_webhook_outcomes_total{field="messages",outcome="handled"}'), 1);
    assert.equal(sample(text, 'wa_meta_webhook_outcomes_total{field="",outcome="invalid_signature"}'), 1);
    assert.equal(sample(text, 'wa_meta_webhook_outcomes_total{field="account_update",outcome="unhandled_field"}'), 1);
  });

  test('observes the lag of every event of a change of thousands, spread over turns', async () => {
    const t = createTestApp();
    const account = await t.openAccount();
    const sentAt = new Date(t.clock.now().getTime() - 2_000);
    const statuses = Array.from({ length: 2_500 }, (_, i) => statusItem(`wamid.L${i}`, 'sent', '919876543210', undefined, sentAt));
    assert.equal((await postWebhook(t, webhook([statusChange(account.phone_number_id, statuses)]))).status, 200);
    await t.inbox.settled(); // were the webhook over 256 KB, it would be applied after the answer
    const text = await scrape(t);
    assert.equal(sample(text, 'wa_meta_webhook_lag_seconds_count'), 2_500);
    assert.equal(sample(text, 'wa_meta_webhook_lag_seconds_sum'), 5_000);
  });

  test('counts open event streams', async () => {
    const t = createTestApp();
    const secret = await t.mintSession((await t.openAccount()).id);
    const first = await t.app.request(`/v1/events?client_secret=${secret}`);
    const second = await t.app.request(`/v1/events?client_secret=${secret}`);
    const reader = first.body!.getReader();
    await reader.read();
    assert.equal(sample(await scrape(t), 'wa_sse_clients'), 2);
    await reader.cancel();
    await second.body?.cancel();
    // The stream's cleanup runs once its write chain notices the abort.
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(sample(await scrape(t), 'wa_sse_clients'), 0);
  });
});
