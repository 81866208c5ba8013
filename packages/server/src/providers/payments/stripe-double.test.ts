import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { createManualClock } from '../../domain/clock.js';
import type { TestApp } from '../../test/harness.js';
import { createTestApp } from '../../test/harness.js';
import type { StripeDouble } from '../../test/stripe-double.js';
import { startStripeDouble } from '../../test/stripe-double.js';
import { StripePaymentProvider, stripeClientFor } from './stripe.js';

const WEBHOOK_SECRET = 'whsec_double_0123456789abcdef';

describe('Stripe provider against a double on a real port', () => {
  let double: StripeDouble;
  let t: TestApp;

  before(async () => {
    double = await startStripeDouble();
  });
  after(() => double.close());
  beforeEach(() => {
    const clock = createManualClock(new Date());
    const provider = new StripePaymentProvider({
      secretKey: 'sk_test_double',
      webhookSecret: WEBHOOK_SECRET,
      now: () => clock.now(),
      stripeConfig: stripeClientFor(double.url),
    });
    t = createTestApp({ clock, paymentProvider: provider, publicUrl: 'https://wa.example.com' });
  });
  afterEach(() => t.close());

  const topUp = async (currency: string, amount: string) => {
    const account = await t.openAccount({ currency });
    const secret = await t.mintSession(account.id, ['topup']);
    const res = await t.widget(secret, 'POST', '/v1/topups', { amount: { amount, currency } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const session = double.sessions.at(-1);
    assert.ok(session);
    const { body, signature } = double.completedEvent(session.id, WEBHOOK_SECRET);
    const hook = await t.app.request('/webhooks/payments/stripe', { method: 'POST', body, headers: { 'Stripe-Signature': signature } });
    assert.equal(hook.status, 200);
    const balance = (await t.widget(secret, 'GET', '/v1/balance')).body.balance;
    return { sent: session.unitAmount, sentCurrency: session.currency, credited: balance, topup: res.body };
  };

  for (const [currency, amount, minor, credited] of [
    ['IDR', '100000', 10_000_000, '100000.00'],
    ['HUF', '5000', 500_000, '5000.00'],
    ['JPY', '3000', 3_000, '3000.00'],
    ['KWD', '25.12', 25_120, '25.12'],
    ['USD', '25.00', 2_500, '25.00'],
  ] as const) {
    it(`charges ${amount} ${currency} as ${minor} minor units and credits exactly ${amount} ${currency}`, async () => {
      const result = await topUp(currency, amount);
      assert.equal(result.sent, minor);
      assert.equal(result.sentCurrency, currency.toLowerCase());
      assert.deepEqual(result.credited, { amount: credited, currency });
    });
  }

  it('offers the IDR step and presets of Stripe’s table, not of the ICU version', async () => {
    const account = await t.openAccount({ currency: 'IDR' });
    const secret = await t.mintSession(account.id, ['topup']);
    const options = (await t.widget(secret, 'GET', '/v1/topup-options')).body;
    assert.deepEqual(options.step, { amount: '0.01', currency: 'IDR' });
    assert.deepEqual(
      options.presets.map((preset: { amount: string }) => preset.amount),
      ['250000.00', '500000.00', '1000000.00', '2500000.00'],
    );
  });

  it('refuses a KWD amount Stripe cannot charge (its last digit must be 0) before calling Stripe', async () => {
    const account = await t.openAccount({ currency: 'KWD' });
    const secret = await t.mintSession(account.id, ['topup']);
    const before = double.sessions.length;
    const res = await t.widget(secret, 'POST', '/v1/topups', { amount: { amount: '25.125', currency: 'KWD' } });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'amount_not_a_step');
    assert.equal(double.sessions.length, before);
  });

  it('builds the success and cancel URLs from the public URL, whatever Host the request carried', async () => {
    const account = await t.openAccount();
    const secret = await t.mintSession(account.id, ['topup']);
    const res = await t.app.request('http://attacker.example/v1/topups', {
      method: 'POST',
      body: JSON.stringify({ amount: { amount: '25.00', currency: 'USD' } }),
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json', Host: 'attacker.example' },
    });
    assert.equal(res.status, 201);
    const session = double.sessions.at(-1);
    assert.equal(session?.successUrl, 'https://wa.example.com/checkout/complete?popup=1');
    assert.equal(session?.cancelUrl, 'https://wa.example.com/checkout/cancelled');
  });

  it('expires the Checkout Session of an abandoned top-up', async () => {
    const account = await t.openAccount();
    const secret = await t.mintSession(account.id, ['topup']);
    const created = (await t.widget(secret, 'POST', '/v1/topups', { amount: { amount: '25.00', currency: 'USD' } })).body;
    const session = double.sessions.at(-1);
    const res = await t.widget(secret, 'DELETE', `/v1/topups/${created.id}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'expired');
    assert.deepEqual(double.expired.slice(-1), [session?.id]);
  });
});
