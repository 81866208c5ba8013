import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createManualClock } from '../domain/clock.js';
import { hashSecret } from '../domain/ids.js';
import type { Checkout, CheckoutRequest } from '../providers/payments/provider.js';
import { SandboxPaymentProvider } from '../providers/payments/sandbox.js';
import { migrate } from '../store/sqlite/migrate.js';
import { migrations } from '../store/sqlite/migrations/index.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import type { TestApp } from '../test/harness.js';
import { createTestApp } from '../test/harness.js';
import { createPaymentsTestApp, SANDBOX_SECRET, sandboxSessionOf, submitForm } from '../test/payments.js';

/** The sandbox, answering after a timer as a provider over the network does. */
class YieldingSandbox extends SandboxPaymentProvider {
  calls = 0;
  override async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    this.calls += 1;
    await delay(30);
    return super.createCheckout(request);
  }
}

const tokenOf = (url: string) => url.split('/pay/')[1] ?? '';

describe('one checkout per payment link', () => {
  let t: TestApp;
  let sandbox: YieldingSandbox;
  let accountId: string;
  let secret: string;

  beforeEach(async () => {
    const clock = createManualClock();
    const store = openSqliteStore({ file: ':memory:' });
    sandbox = new YieldingSandbox({ secret: SANDBOX_SECRET, clock, checkouts: store });
    t = createTestApp({ clock, store, paymentProvider: sandbox });
    accountId = (await t.openAccount()).id;
    secret = await t.mintSession(accountId, ['payment_links'], 86_400);
  });
  afterEach(() => t.close());

  const createLink = async () => {
    const res = await t.widget(secret, 'POST', '/v1/payment-links', { amount: { amount: '25.00', currency: 'USD' } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; url: string };
  };

  it('opens one checkout for two payers who press Pay at the same moment, and credits once', async () => {
    const link = await createLink();
    const [first, second] = await Promise.all([
      submitForm(t, `/pay/${tokenOf(link.url)}`),
      submitForm(t, `/pay/${tokenOf(link.url)}`),
    ]);
    assert.deepEqual([first.status, second.status], [303, 303]);
    assert.equal(first.headers.get('Location'), second.headers.get('Location'));
    assert.equal(sandbox.calls, 1);

    const checkout = new URL(first.headers.get('Location') ?? '').pathname;
    assert.equal((await submitForm(t, `${checkout}/pay`)).status, 303);
    assert.equal((await submitForm(t, `${checkout}/pay`)).status, 303);
    const entries = await t.store.listLedgerEntries(accountId);
    assert.deepEqual(entries.map((entry) => entry.kind), ['payment_link']);
    assert.equal((await t.widget(secret, 'GET', '/v1/balance')).body.balance.amount, '25.00');
  });

  it('closes the open checkout when the link is cancelled, so it can no longer be paid', async () => {
    const link = await createLink();
    const started = await submitForm(t, `/pay/${tokenOf(link.url)}`);
    const session = sandboxSessionOf(started.headers.get('Location') ?? '');
    assert.equal((await t.widget(secret, 'DELETE', `/v1/payment-links/${link.id}`)).status, 200);

    assert.equal((await t.app.request(`/sandbox/checkout/${session}`)).status, 410);
    await submitForm(t, `/sandbox/checkout/${session}/pay`);
    assert.equal((await t.widget(secret, 'GET', '/v1/balance')).body.balance.amount, '0.00');
  });

  it('closes a checkout that finished opening after its link was cancelled, and shows the link as cancelled', async () => {
    const link = await createLink();
    const paying = submitForm(t, `/pay/${tokenOf(link.url)}`);
    while (sandbox.calls === 0) await delay(1);
    assert.equal((await t.widget(secret, 'DELETE', `/v1/payment-links/${link.id}`)).status, 200);
    const page = await paying;
    assert.equal(page.status, 410);
    assert.match(await page.text(), /cancelled/);
    const [opened] = await Promise.all([t.store.listPendingLinkPayments(link.id)]);
    assert.deepEqual(opened, []);
  });
});

describe('payment link tokens', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wa-link-tokens-'));
  });

  it('stores only the SHA-256 of a token, and lists the link with its URL', async () => {
    const file = join(dir, 'wa.db');
    const t = createPaymentsTestApp({ store: openSqliteStore({ file }) });
    try {
      const accountId = (await t.openAccount()).id;
      const secret = await t.mintSession(accountId, ['payment_links']);
      const link = (await t.widget(secret, 'POST', '/v1/payment-links', { amount: { amount: '25.00', currency: 'USD' } })).body;
      const token = tokenOf(link.url);
      assert.match(token, /^[A-Za-z0-9_-]{43}$/);

      const db = new Database(file, { readonly: true });
      const rows = db.prepare('SELECT * FROM payment_links').all() as Record<string, unknown>[];
      db.close();
      assert.equal(rows[0]?.['token_hash'], hashSecret(token));
      assert.ok(!JSON.stringify(rows).includes(token), 'the token itself is nowhere in the row');

      assert.equal((await t.widget(secret, 'GET', '/v1/payment-links')).body.data[0].url, link.url);
      assert.equal((await t.app.request(`/pay/${token}`)).status, 200);
    } finally {
      await t.close();
    }
  });

  it('hashes the tokens of links stored before, which keep working for whoever holds them', async () => {
    const file = join(dir, 'wa.db');
    const old = new Database(file);
    migrate(old, migrations.filter((migration) => migration.version <= 6));
    const token = 'T'.repeat(43);
    old.exec(`INSERT INTO accounts (id, name, currency, waba_id, phone_number_id, balance_micros, created_at, updated_at)
      VALUES ('acc_old', 'Old Bakery', 'USD', '1', '1', 0, 0, 0)`);
    old
      .prepare(`INSERT INTO payment_links (id, account_id, token, amount_micros, currency, status, created_at, expires_at)
        VALUES ('pl_old', 'acc_old', ?, 25000000, 'USD', 'open', ?, ?)`)
      .run(token, Date.now(), Date.now() + 3_600_000);
    old.close();

    const t = createPaymentsTestApp({ store: openSqliteStore({ file }), clock: createManualClock(new Date()) });
    try {
      const page = await t.app.request(`/pay/${token}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Old Bakery/);
      const secret = await t.mintSession('acc_old', ['payment_links']);
      const listed = (await t.widget(secret, 'GET', '/v1/payment-links')).body.data;
      assert.deepEqual(listed.map((link: { id: string; url: string | null }) => [link.id, link.url]), [['pl_old', null]]);
      const db = new Database(file, { readonly: true });
      assert.deepEqual(db.prepare('SELECT token_hash FROM payment_links').all(), [{ token_hash: hashSecret(token) }]);
      db.close();
    } finally {
      await t.close();
    }
  });
});

describe('sandbox checkouts across instances', () => {
  let stores: Store[];
  afterEach(async () => {
    for (const store of stores) await store.close();
  });

  it('are served and paid by a second instance on the same database', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wa-sandbox-')), 'wa.db');
    stores = [openSqliteStore({ file }), openSqliteStore({ file })];
    const clock = createManualClock(new Date());
    const [first, second] = stores.map((store) => createPaymentsTestApp({ store, clock }));
    assert.ok(first && second);
    const accountId = (await first.openAccount()).id;
    const secret = await first.mintSession(accountId, ['topup']);
    const topup = (await first.widget(secret, 'POST', '/v1/topups', { amount: { amount: '25.00', currency: 'USD' } })).body;
    const session = sandboxSessionOf(topup.checkout_url);

    assert.equal((await second.app.request(`/sandbox/checkout/${session}`)).status, 200);
    assert.equal((await submitForm(second, `/sandbox/checkout/${session}/pay`)).status, 303);
    assert.equal((await first.widget(secret, 'GET', `/v1/topups/${topup.id}`)).body.status, 'succeeded');
    assert.equal((await first.widget(secret, 'GET', '/v1/balance')).body.balance.amount, '25.00');
  });
});

describe('URLs handed to payers', () => {
  it('come from the public URL, never from the Host of the request', async () => {
    const t = createPaymentsTestApp({ publicUrl: 'https://wa.example.com' });
    try {
      const accountId = (await t.openAccount()).id;
      const secret = await t.mintSession(accountId, ['topup', 'payment_links']);
      const headers = { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json', Host: 'attacker.example' };
      const post = (path: string) =>
        t.app.request(`http://attacker.example${path}`, { method: 'POST', headers, body: JSON.stringify({ amount: { amount: '25.00', currency: 'USD' } }) });
      const topup = (await (await post('/v1/topups')).json()) as { checkout_url: string };
      assert.match(topup.checkout_url, /^https:\/\/wa\.example\.com\/sandbox\/checkout\//);
      const link = (await (await post('/v1/payment-links')).json()) as { url: string };
      assert.match(link.url, /^https:\/\/wa\.example\.com\/pay\//);

      const pay = await t.app.request(`http://attacker.example/pay/${tokenOf(link.url)}`, { method: 'POST', headers: { Host: 'attacker.example' } });
      assert.match(pay.headers.get('Location') ?? '', /^https:\/\/wa\.example\.com\/sandbox\/checkout\//);

      const session = sandboxSessionOf(topup.checkout_url);
      const page = await t.app.request(`http://attacker.example/sandbox/checkout/${session}?return_url=${encodeURIComponent('http://attacker.example/phish')}`, {
        headers: { Host: 'attacker.example' },
      });
      assert.equal(page.status, 200);
      assert.doesNotMatch(await page.text(), /attacker\.example/);
    } finally {
      await t.close();
    }
  });
});

describe('link checkout reservations', () => {
  it('hold the link for one opener, are taken over once stale, and a taken-over opener records nothing', async () => {
    const t = createPaymentsTestApp();
    try {
      const accountId = (await t.openAccount()).id;
      const secret = await t.mintSession(accountId, ['payment_links']);
      const link = (await t.widget(secret, 'POST', '/v1/payment-links', { amount: { amount: '25.00', currency: 'USD' } })).body;
      const at = (ms: number) => new Date(t.clock.now().getTime() + ms);
      const stale = (now: Date) => new Date(now.getTime() - 60_000);

      assert.deepEqual(await t.store.reserveLinkCheckout(link.id, 'pay_a', 'sandbox', at(0), stale(at(0))), { kind: 'reserved' });
      assert.deepEqual(await t.store.reserveLinkCheckout(link.id, 'pay_b', 'sandbox', at(10_000), stale(at(10_000))), { kind: 'busy' });
      assert.deepEqual(await t.store.reserveLinkCheckout(link.id, 'pay_b', 'sandbox', at(61_000), stale(at(61_000))), { kind: 'reserved' });

      const payment = {
        id: 'pay_a',
        accountId,
        purpose: 'payment_link' as const,
        linkId: link.id,
        amountMicros: 25_000_000n,
        currency: 'USD',
        status: 'pending' as const,
        provider: 'sandbox',
        providerPaymentId: 'cs_test_a',
        checkoutUrl: 'http://localhost/sandbox/checkout/cs_test_a',
        createdAt: at(62_000),
        expiresAt: at(3_600_000),
        completedAt: null,
        ledgerEntryId: null,
        reviewNote: null,
      };
      assert.equal(await t.store.fillLinkCheckout(payment, at(62_000)), false);
      assert.equal(await t.store.fillLinkCheckout({ ...payment, id: 'pay_b', providerPaymentId: 'cs_test_b' }, at(62_000)), true);
      const open = await t.store.reserveLinkCheckout(link.id, 'pay_c', 'sandbox', at(63_000), stale(at(63_000)));
      assert.equal(open.kind === 'open' && open.payment.id, 'pay_b');
    } finally {
      await t.close();
    }
  });
});
