import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createManualClock } from '../domain/clock.js';
import { retryAfterSeconds } from '../domain/rate-limits.js';
import type { RateLimitRules } from '../domain/rate-limits.js';
import type { TestApp } from '../test/harness.js';
import { createTestApp } from '../test/harness.js';

const dirs: string[] = [];
const apps: TestApp[] = [];
after(async () => {
  for (const app of apps) await app.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Two app instances (as two processes would be) on one database file, with one clock. */
function twoInstances(rateLimits: Partial<RateLimitRules>, trustedProxies = 0) {
  const dir = mkdtempSync(join(tmpdir(), 'wa-limits-'));
  dirs.push(dir);
  const file = join(dir, 'wa.db');
  const clock = createManualClock();
  const config = { rateLimits, trustedProxies };
  const a = createTestApp({ file, clock, config });
  const b = createTestApp({ file, clock, config });
  apps.push(a, b);
  const count = (table: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
    } finally {
      db.close();
    }
  };
  return { a, b, clock, count };
}

const USD = (amount: string) => ({ amount: { amount, currency: 'USD' } });

function assertRateLimited(res: { status: number; headers: Headers; body: any }): number {
  assert.equal(res.status, 429);
  assert.equal(res.body.error.code, 'rate_limited');
  assert.equal(typeof res.body.error.message, 'string');
  const retryAfter = Number(res.headers.get('Retry-After'));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After: ${res.headers.get('Retry-After')}`);
  return retryAfter;
}

describe('rate limits shared by instances on one database', () => {
  test('top-ups: hits on either instance count against one limit, and a refused top-up writes nothing', async () => {
    const { a, b, clock, count } = twoInstances({ topup_create: { limit: 3, windowMs: 60_000 } });
    const account = await a.openAccount();
    const secret = await a.mintSession(account.id, ['topup']);
    assert.equal((await a.widget(secret, 'POST', '/v1/topups', USD('10'))).status, 201);
    assert.equal((await b.widget(secret, 'POST', '/v1/topups', USD('10'))).status, 201);
    assert.equal((await a.widget(secret, 'POST', '/v1/topups', USD('10'))).status, 201);
    const payments = count('payments');

    const refused = await b.widget(secret, 'POST', '/v1/topups', USD('10'));
    const retryAfter = assertRateLimited(refused);
    assert.equal(count('payments'), payments);
    assertRateLimited(await a.widget(secret, 'POST', '/v1/topups', USD('10')));

    clock.advance(retryAfter * 1000);
    assert.equal((await a.widget(secret, 'POST', '/v1/topups', USD('10'))).status, 201);
  });

  test("top-ups: one account's limit leaves another account alone", async () => {
    const { a, b } = twoInstances({ topup_create: { limit: 1, windowMs: 60_000 } });
    const first = await a.mintSession((await a.openAccount()).id, ['topup']);
    const second = await a.mintSession((await a.openAccount()).id, ['topup']);
    assert.equal((await a.widget(first, 'POST', '/v1/topups', USD('10'))).status, 201);
    assertRateLimited(await b.widget(first, 'POST', '/v1/topups', USD('10')));
    assert.equal((await b.widget(second, 'POST', '/v1/topups', USD('10'))).status, 201);
  });

  test('session minting is limited per account across instances', async () => {
    const { a, b, count } = twoInstances({ session_mint: { limit: 2, windowMs: 60_000 } });
    const account = await a.openAccount();
    const other = await a.openAccount();
    await a.mintSession(account.id);
    await b.mintSession(account.id);
    const sessions = count('widget_sessions');
    assertRateLimited(await a.partner('POST', '/v1/widget-sessions', { account_id: account.id }));
    assert.equal(count('widget_sessions'), sessions);
    assert.equal((await b.partner('POST', '/v1/widget-sessions', { account_id: other.id })).status, 201);
  });

  test('payment link creation is limited per account across instances', async () => {
    const { a, b, count } = twoInstances({ link_create: { limit: 2, windowMs: 60_000 } });
    const secret = await a.mintSession((await a.openAccount()).id, ['payment_links']);
    assert.equal((await a.widget(secret, 'POST', '/v1/payment-links', USD('12'))).status, 201);
    assert.equal((await b.widget(secret, 'POST', '/v1/payment-links', USD('12'))).status, 201);
    assertRateLimited(await a.widget(secret, 'POST', '/v1/payment-links', USD('12')));
    assert.equal(count('payment_links'), 2);
  });

  test('the public pay page is limited per client address, read behind the trusted proxy', async () => {
    const { a, b } = twoInstances({ pay_page: { limit: 2, windowMs: 60_000 } }, 1);
    const secret = await a.mintSession((await a.openAccount()).id, ['payment_links']);
    const link = (await a.widget(secret, 'POST', '/v1/payment-links', USD('12'))).body;
    const path = new URL(link.url).pathname;
    // The client wrote the left entry; the trusted proxy appended the right one, the real peer.
    const from = (address: string) => ({ headers: { 'X-Forwarded-For': `203.0.113.9, ${address}`, Accept: 'text/html' } });
    assert.equal((await a.app.request(path, from('198.51.100.1'))).status, 200);
    assert.equal((await b.app.request(path, from('198.51.100.1'))).status, 200);
    const refused = await a.app.request(path, from('198.51.100.1'));
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('Retry-After')) >= 1);
    assert.match(await refused.text(), /Too many requests/);
    assert.equal((await b.app.request(path, from('198.51.100.2'))).status, 200);
    const scripted = await b.raw('GET', path, undefined, { 'X-Forwarded-For': '198.51.100.1', Accept: '*/*' });
    assertRateLimited(scripted);
  });

  test('opening checkouts for one payment link is limited, whoever asks', async () => {
    const { a, b, count } = twoInstances({ pay_checkout: { limit: 2, windowMs: 600_000 } });
    const secret = await a.mintSession((await a.openAccount()).id, ['payment_links']);
    const path = new URL((await a.widget(secret, 'POST', '/v1/payment-links', USD('12'))).body.url).pathname;
    const pay = (t: TestApp) => t.app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    assert.equal((await pay(a)).status, 303);
    assert.equal((await pay(b)).status, 303);
    const payments = count('payments');
    assert.equal((await pay(a)).status, 429);
    assert.equal(count('payments'), payments);
  });

  test('hits of the previous window still count, in proportion to its overlap with the sliding window', async () => {
    const { a, clock } = twoInstances({ link_create: { limit: 4, windowMs: 60_000 } });
    const secret = await a.mintSession((await a.openAccount()).id, ['payment_links']);
    clock.set(new Date(Math.ceil(clock.now().getTime() / 60_000) * 60_000 + 59_000));
    for (let i = 0; i < 4; i++) assert.equal((await a.widget(secret, 'POST', '/v1/payment-links', USD('12'))).status, 201);
    clock.advance(16_000); // 15 s into the next window: the previous one still weighs 3/4 × 4 = 3
    assert.equal((await a.widget(secret, 'POST', '/v1/payment-links', USD('12'))).status, 201);
    assertRateLimited(await a.widget(secret, 'POST', '/v1/payment-links', USD('12')));
  });
});

describe('Retry-After', () => {
  const rule = { limit: 10, windowMs: 60_000 };

  test('waits for the next window when the current one is full', () => {
    assert.equal(retryAfterSeconds({ previous: 0, current: 10 }, 20_000, rule), 40 + 6);
  });

  test("waits within the window when the previous window's weight is what blocks", () => {
    // 10·(1 − e/60) + 5 + 1 ≤ 10 ⇔ e ≥ 36 s; 30 s are gone
    assert.equal(retryAfterSeconds({ previous: 10, current: 5 }, 30_000, rule), 6);
  });

  test('is never below one second', () => {
    assert.equal(retryAfterSeconds({ previous: 1, current: 0 }, 59_999, { limit: 1, windowMs: 60_000 }), 1);
  });
});
