import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { LiveEvent } from '../live/live-events.js';
import type { TestApp } from '../test/harness.js';
import type { SandboxPaymentProvider } from '../providers/payments/sandbox.js';
import { PaymentProviderError, type PaymentProvider } from '../providers/payments/provider.js';
import { createTestApp } from '../test/harness.js';
import { createPaymentsTestApp, postSandboxWebhook, sandboxEvent, sandboxSessionOf, submitForm } from '../test/payments.js';
import { ISO_4217_TABLE } from '../domain/payments/currency-tables.js';

describe('top-ups', () => {
  let t: TestApp & { sandbox: SandboxPaymentProvider };
  let accountId: string;
  let secret: string;

  beforeEach(async () => {
    t = createPaymentsTestApp();
    accountId = (await t.openAccount()).id;
    secret = await t.mintSession(accountId, ['topup'], 86_400);
  });
  afterEach(() => t.close());

  const openTopup = async (amount = '25.00') => {
    const res = await t.widget(secret, 'POST', '/v1/topups', { amount: { amount, currency: 'USD' } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };

  it('lists the amount rules of the account currency', async () => {
    const res = await t.widget(secret, 'GET', '/v1/topup-options');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, {
      currency: 'USD',
      min: { amount: '10.00', currency: 'USD' },
      max: { amount: '10000.00', currency: 'USD' },
      step: { amount: '0.01', currency: 'USD' },
      presets: ['25.00', '50.00', '100.00', '250.00'].map((amount) => ({ amount, currency: 'USD' })),
    });
  });

  it('opens a pending top-up with a sandbox checkout that expires in 24 hours', async () => {
    const topup = await openTopup();
    assert.match(topup.id, /^tu_/);
    assert.equal(topup.status, 'pending');
    assert.deepEqual(topup.amount, { amount: '25.00', currency: 'USD' });
    assert.match(topup.checkout_url, /^http:\/\/localhost\/sandbox\/checkout\/cs_test_/);
    assert.equal(topup.completed_at, null);
    assert.equal(new Date(topup.expires_at).getTime() - new Date(topup.created_at).getTime(), 86_400_000);
    const read = await t.widget(secret, 'GET', `/v1/topups/${topup.id}`);
    assert.deepEqual(read.body, topup);
    assert.equal((await t.widget(secret, 'GET', '/v1/balance')).body.balance.amount, '0.00');
  });

  it('refuses amounts outside the rules with the contract codes, writing nothing', async () => {
    const cases: [string, string, string][] = [
      ['9.99', 'USD', 'amount_below_minimum'],
      ['10000.01', 'USD', 'amount_above_maximum'],
      ['25.005', 'USD', 'amount_not_a_step'],
      ['25.00', 'EUR', 'currency_mismatch'],
    ];
    for (const [amount, currency, code] of cases) {
      const res = await t.widget(secret, 'POST', '/v1/topups', { amount: { amount, currency } });
      assert.equal(res.status, 400, amount);
      assert.equal(res.body.error.code, code);
    }
    const bad = await t.widget(secret, 'POST', '/v1/topups', { amount: 25 });
    assert.equal(bad.status, 400);
  });

  it('needs the topup permission to open one, and hides other accounts’ top-ups', async () => {
    const readOnly = await t.mintSession(accountId);
    const denied = await t.widget(readOnly, 'POST', '/v1/topups', { amount: { amount: '25.00', currency: 'USD' } });
    assert.equal(denied.status, 403);
    const topup = await openTopup();
    const other = await t.openAccount();
    const otherSecret = await t.mintSession(other.id, ['topup']);
    const hidden = await t.widget(otherSecret, 'GET', `/v1/topups/${topup.id}`);
    assert.equal(hidden.status, 404);
    assert.equal(hidden.body.error.code, 'topup_not_found');
    assert.equal((await t.widget(secret, 'GET', '/v1/topups/tu_nope')).status, 404);
  });

  it('shows a TEST MODE checkout whose Pay button credits the balance once, through the signed webhook', async () => {
    const topup = await openTopup();
    const heard: LiveEvent[] = [];
    t.liveEvents.subscribe(accountId, (event) => heard.push(event));
    const path = new URL(topup.checkout_url).pathname;
    const page = await t.app.request(path);
    assert.equal(page.status, 200);
    const markup = await page.text();
    assert.match(markup, /TEST MODE — no real money/);
    assert.match(markup, /<button type="submit">Pay \$25\.00<\/button>/);
    assert.match(markup, /<button type="submit" class="secondary">Decline<\/button>/);
    assert.match(markup, new RegExp(`action="${path}/pay"`));

    const paid = await submitForm(t, `${path}/pay`);
    assert.equal(paid.status, 303);
    assert.equal(paid.headers.get('Location'), 'http://localhost/checkout/complete?popup=1');
    const done = await t.app.request('/checkout/complete?popup=1');
    const doneMarkup = await done.text();
    assert.match(doneMarkup, /Payment received — you can close this window/);
    // the popup closes itself without an opener: the widget opens it with none, and COOP would cut one
    assert.match(doneMarkup, /popup=1.*window\.close\(\)/);
    assert.doesNotMatch(doneMarkup, /window\.opener/);

    const read = await t.widget(secret, 'GET', `/v1/topups/${topup.id}`);
    assert.equal(read.body.status, 'succeeded');
    assert.equal(read.body.completed_at, t.clock.now().toISOString());
    assert.equal((await t.widget(secret, 'GET', '/v1/balance')).body.balance.amount, '25.00');
    const entries = await t.store.listLedgerEntries(accountId);
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.kind, 'topup');
    assert.equal(entries[0]?.idempotencyKey, `payment:sandbox:${sandboxSessionOf(topup.checkout_url)}`);
    assert.equal(entries[0]?.description, 'Top-up');
    assert.equal(entries[0]?.reference, topup.id);
    const hostEvents = await t.store.listHostEvents(accountId);
    assert.deepEqual(hostEvents.map((event) => event.type), ['topup.succeeded']);
    assert.deepEqual(hostEvents[0]?.data, {
      topup_id: topup.id,
      amount: { amount: '25.00', currency: 'USD' },
      balance: { amount: '25.00', currency: 'USD' },
      ledger_entry_id: entries[0]?.id ?? '',
    });
    // Live events follow the commit (through NOTIFY on PostgreSQL): give them a moment.
    for (let i = 0; i < 300 && heard.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(
      heard.map((event) => event.type),
      ['balance', 'topup'],
    );
    assert.deepEqual(heard[1]?.data, { id: topup.id, status: 'succeeded', amount: { amount: '25.00', currency: 'USD' }, source: 'topup' });

    const again = await submitForm(t, `${path}/pay`);
    assert.equal(again.status, 303);
    assert.equal((await t.store.listLedgerEntries(accountId)).length, 1);
    assert.match(await (await t.app.request(path)).text(), /Payment received — you can close this window/);
  });

  it('sends the payer back to an allowed return_url, and ignores a foreign one', async () => {
    const topup = await openTopup();
    const path = new URL(topup.checkout_url).pathname;
    const page = await (await t.app.request(`${path}?return_url=${encodeURIComponent('https://console.partner.example/billing')}`)).text();
    assert.match(page, /name="return_url" value="https:\/\/console.partner.example\/billing"/);
    const foreign = await (await t.app.request(`${path}?return_url=${encodeURIComponent('https://evil.example/')}`)).text();
    assert.doesNotMatch(foreign, /evil/);
    const paid = await submitForm(t, `${path}/pay`, { return_url: 'https://console.partner.example/billing' });
    assert.equal(paid.headers.get('Location'), 'https://console.partner.example/billing');
  });

  it('credits once when Pay is pressed twice at the same moment, and shows the checkout to the second press', async () => {
    const topup = await openTopup();
    const path = new URL(topup.checkout_url).pathname;
    const [first, second] = await Promise.all([submitForm(t, `${path}/pay`), submitForm(t, `${path}/pay`)]);
    assert.deepEqual([first.status, second.status], [303, 303]);
    const account = await t.partner('GET', `/v1/accounts/${accountId}`);
    assert.deepEqual(account.body.balance, { amount: '25.00', currency: 'USD' });
    assert.deepEqual(t.errors, []);
  });

  it('marks a declined checkout failed, crediting nothing', async () => {
    const topup = await openTopup();
    const path = new URL(topup.checkout_url).pathname;
    const declined = await submitForm(t, `${path}/decline`);
    assert.equal(declined.status, 303);
    assert.equal(declined.headers.get('Location'), 'http://localhost/checkout/cancelled');
    assert.equal((await t.widget(secret, 'GET', `/v1/topups/${topup.id}`)).body.status, 'failed');
    assert.equal((await t.store.listLedgerEntries(accountId)).length, 0);
    assert.deepEqual(await t.store.listHostEvents(accountId), []);
  });

  it('expires a pending top-up after 24 hours, and still credits a payment that arrives late', async () => {
    const topup = await openTopup();
    t.clock.advance(86_400_000);
    secret = await t.mintSession(accountId, ['topup']);
    const expired = await t.widget(secret, 'GET', `/v1/topups/${topup.id}`);
    assert.equal(expired.body.status, 'expired');
    assert.equal((await t.store.getPayment(topup.id))?.status, 'expired');
    const session = sandboxSessionOf(topup.checkout_url);
    const page = await t.app.request(`/sandbox/checkout/${session}`);
    assert.equal(page.status, 410);

    const body = sandboxEvent(session, 'paid');
    const late = await postSandboxWebhook(t, body, t.sandbox.sign(body));
    assert.equal(late.status, 200);
    assert.equal((await t.widget(secret, 'GET', `/v1/topups/${topup.id}`)).body.status, 'succeeded');
    assert.equal((await t.widget(secret, 'GET', '/v1/balance')).body.balance.amount, '25.00');
    assert.equal((await t.store.listHostEvents(accountId)).length, 1);
  });
});

describe('top-ups when the payment provider fails', () => {
  it('answers 502 payment_provider_unavailable, never a 500', async () => {
    const down: PaymentProvider = {
      name: 'down',
      currencies: ISO_4217_TABLE,
      createCheckout: async () => {
        throw new PaymentProviderError('connect ECONNREFUSED');
      },
      expireCheckout: async () => {
        throw new PaymentProviderError('connect ECONNREFUSED');
      },
      parseWebhook: async () => null,
    };
    const t = createTestApp({ paymentProvider: down });
    try {
      const accountId = (await t.openAccount()).id;
      const secret = await t.mintSession(accountId, ['topup']);
      const res = await t.widget(secret, 'POST', '/v1/topups', { amount: { amount: '25.00', currency: 'USD' } });
      assert.equal(res.status, 502);
      assert.equal(res.body.error.code, 'payment_provider_unavailable');
      assert.deepEqual(t.errors, []);
    } finally {
      await t.close();
    }
  });
});
