import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { LimitSource } from '../domain/usage/limit-source.js';
import type { TestApp } from '../test/harness.js';
import { createTestApp } from '../test/harness.js';
import { postWebhook, regular, statusChange, statusItem, webhook } from '../test/meta.js';

const HOUR = 3600 * 1000;
const PORTFOLIO = '1203948576102938';
const customers = ['919876543210', '919876543211', '919876543212', '5511987654321'];

describe('GET /v1/usage/24h', () => {
  let t: TestApp;
  let limit: Awaited<ReturnType<LimitSource>>;
  let first: { id: string; phone_number_id: string };
  let second: { id: string; phone_number_id: string };
  let seq = 0;

  const deliver = (account: { phone_number_id: string }, recipient: string, pricing = regular('marketing'), status = 'delivered') =>
    postWebhook(t, webhook([statusChange(account.phone_number_id, [statusItem(`wamid.u${seq++}`, status, recipient, pricing)])]));
  // A fresh session each time: the tests move the clock past a session's lifetime.
  const usage = async () => (await t.widget(await t.mintSession(first.id), 'GET', '/v1/usage/24h')).body;

  beforeEach(async () => {
    limit = { limit: null, unlimited: false };
    t = createTestApp({ limitForAccount: async () => limit });
    first = await t.openAccount({ business_portfolio_id: PORTFOLIO, display_phone_number: '+1 555-010-0001' });
    t.clock.advance(1000); // by_number lists accounts oldest first
    second = await t.openAccount({ business_portfolio_id: PORTFOLIO, display_phone_number: '+1 555-010-0002' });
  });
  afterEach(() => t.close());

  it('counts a customer reached by two numbers of one portfolio once, and lists every number', async () => {
    await deliver(first, customers[0]!);
    await deliver(first, customers[0]!);
    await deliver(second, customers[0]!);
    await deliver(second, customers[1]!);
    const body = await usage();
    assert.equal(body.unique_customers, 2);
    assert.deepEqual(body.by_number, [
      { account_id: first.id, display_phone_number: '+1 555-010-0001', unique_customers: 1 },
      { account_id: second.id, display_phone_number: '+1 555-010-0002', unique_customers: 2 },
    ]);
    assert.equal(body.window_end, t.clock.now().toISOString());
    assert.equal(body.window_start, new Date(t.clock.now().getTime() - 24 * HOUR).toISOString());
    assert.equal(body.limit, null);
    assert.equal(body.remaining, null);
    assert.equal(body.projected_limit_reached_at, null);
  });

  it('ends the window at the whole second, and counts a delivery at once within that second', async () => {
    t.clock.advance(250);
    // One session throughout: minting one is a write of its own, which would forget every read.
    const session = await t.mintSession(first.id);
    const read = async () => (await t.widget(session, 'GET', '/v1/usage/24h')).body;
    const before = await read();
    assert.equal(before.unique_customers, 0);
    assert.deepEqual(await read(), before, 'asked again within the second');
    const wholeSecond = new Date(Math.floor(t.clock.now().getTime() / 1000) * 1000);
    assert.equal(before.window_end, wholeSecond.toISOString());
    assert.equal(before.window_start, new Date(wholeSecond.getTime() - 24 * HOUR).toISOString());
    // The same second: the count the store remembered is forgotten by the charge.
    await deliver(first, customers[0]!);
    await deliver(first, customers[1]!, regular('utility'));
    assert.equal((await read()).unique_customers, 2);
    t.clock.advance(500);
    assert.equal((await read()).unique_customers, 2);
  });

  it('counts only the account itself when it has no portfolio', async () => {
    const solo = await t.openAccount();
    await deliver(solo, customers[2]!);
    await deliver(first, customers[3]!);
    const body = (await t.widget(await t.mintSession(solo.id), 'GET', '/v1/usage/24h')).body;
    assert.equal(body.unique_customers, 1);
    assert.deepEqual(body.by_number.map((row: { account_id: string }) => row.account_id), [solo.id]);
  });

  it('does not count service replies, in-window free messages, undelivered or failed ones', async () => {
    await deliver(first, customers[0]!, { billable: false, type: 'free_customer_service', category: 'service' });
    await deliver(first, customers[1]!, { billable: false, type: 'free_customer_service', category: 'utility' });
    await deliver(first, customers[2]!, { billable: false, type: 'free_entry_point', category: 'marketing' });
    await deliver(first, customers[3]!, regular('service'));
    await deliver(first, customers[0]!, regular('marketing'), 'sent');
    await deliver(first, customers[1]!, regular('marketing'), 'failed');
    assert.equal((await usage()).unique_customers, 0);
    await deliver(first, customers[2]!, regular('utility'), 'read');
    assert.equal((await usage()).unique_customers, 1);
  });

  it('rolls the window: a customer leaves it 24 h after the last delivery and comes back as new', async () => {
    await deliver(first, customers[0]!);
    t.clock.advance(20 * HOUR);
    await deliver(second, customers[0]!);
    await deliver(first, customers[1]!);
    t.clock.advance(5 * HOUR);
    let body = await usage();
    assert.equal(body.unique_customers, 2, 'customer 0 was counted again 5 h ago');
    assert.deepEqual(body.by_number.map((row: { unique_customers: number }) => row.unique_customers), [1, 1]);
    t.clock.advance(19 * HOUR + 1);
    body = await usage();
    assert.equal(body.unique_customers, 0);
    assert.equal(body.new_customers_last_hour, 0);
    await deliver(first, customers[0]!);
    assert.equal((await usage()).new_customers_last_hour, 1);
  });

  it('reports remaining against the limit and projects when the pace of the last hour reaches it', async () => {
    limit = { limit: 10, unlimited: false };
    await deliver(first, customers[0]!);
    t.clock.advance(2 * HOUR);
    await deliver(first, customers[1]!);
    await deliver(second, customers[2]!);
    await deliver(second, customers[0]!);
    const body = await usage();
    assert.equal(body.unique_customers, 3);
    assert.equal(body.limit, 10);
    assert.equal(body.unlimited, false);
    assert.equal(body.remaining, 7);
    assert.equal(body.new_customers_last_hour, 2, 'customer 0 was already in the window');
    assert.equal(body.projected_limit_reached_at, new Date(t.clock.now().getTime() + 3.5 * HOUR).toISOString());
  });

  it('projects nothing when the pace would need more than one rolling window to use the headroom', async () => {
    limit = { limit: 1000, unlimited: false };
    await deliver(first, customers[0]!);
    await deliver(first, customers[1]!);
    const body = await usage();
    assert.equal(body.new_customers_last_hour, 2);
    assert.equal(body.projected_limit_reached_at, null, '2 an hour settles near 48 in a 24 h window');
  });

  it('never reports a negative remaining, and no projection when unlimited', async () => {
    limit = { limit: 1, unlimited: false };
    await deliver(first, customers[0]!);
    await deliver(first, customers[1]!);
    let body = await usage();
    assert.equal(body.remaining, 0);
    assert.equal(body.projected_limit_reached_at, t.clock.now().toISOString());
    limit = { limit: null, unlimited: true };
    body = await usage();
    assert.deepEqual([body.limit, body.unlimited, body.remaining, body.projected_limit_reached_at], [null, true, null, null]);
  });

  it('prunes recipients not counted for 48 h', async () => {
    await deliver(first, customers[0]!);
    t.clock.advance(47 * HOUR);
    await deliver(first, customers[1]!);
    t.clock.advance(2 * HOUR);
    assert.equal(await t.store.pruneUsage(new Date(t.clock.now().getTime() - 48 * HOUR)), 2, 'customer 0 in both tables');
  });

  it('needs a widget session', async () => {
    assert.equal((await t.widget(null, 'GET', '/v1/usage/24h')).status, 401);
  });
});
