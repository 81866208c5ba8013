import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPaymentsTestApp, sandboxSessionOf, submitForm } from '../../test/payments.js';
import { pruneOnce } from '../retention/pruner.js';
import { retentionSteps } from '../retention/retention.js';
import { PAYMENT_RETENTION_MS, pruneExpiredPayments } from './prune.js';

describe('pruneExpiredPayments', () => {
  it('deletes unpaid checkouts, closed links and sandbox checkouts past expiry and retention, and keeps what was paid', async () => {
    const t = createPaymentsTestApp();
    try {
      const accountId = (await t.openAccount()).id;
      const secret = await t.mintSession(accountId, ['topup', 'payment_links']);
      const amount = { amount: '25.00', currency: 'USD' };
      const abandoned = (await t.widget(secret, 'POST', '/v1/topups', { amount })).body;
      const paid = (await t.widget(secret, 'POST', '/v1/topups', { amount })).body;
      await submitForm(t, `/sandbox/checkout/${sandboxSessionOf(paid.checkout_url)}/pay`);
      const cancelled = (await t.widget(secret, 'POST', '/v1/payment-links', { amount })).body;
      await submitForm(t, `/pay/${cancelled.url.split('/pay/')[1]}`);
      await t.widget(secret, 'DELETE', `/v1/payment-links/${cancelled.id}`);
      const paidLink = (await t.widget(secret, 'POST', '/v1/payment-links', { amount })).body;
      const started = await submitForm(t, `/pay/${paidLink.url.split('/pay/')[1]}`);
      await submitForm(t, `${new URL(started.headers.get('Location') ?? '').pathname}/pay`);

      t.clock.advance(72 * 3_600_000 + PAYMENT_RETENTION_MS + 1);
      const later = await t.mintSession(accountId, ['topup']);
      const recent = (await t.widget(later, 'POST', '/v1/topups', { amount })).body;
      const pruned = await pruneExpiredPayments(t.store, t.clock);

      assert.deepEqual(pruned, { payments: 2, links: 1, sandboxCheckouts: 4 });
      assert.equal(await t.store.getPayment(abandoned.id), null);
      assert.equal((await t.store.getPayment(paid.id))?.status, 'succeeded');
      assert.equal((await t.store.getPayment(recent.id))?.status, 'pending');
      assert.equal(await t.store.getPaymentLink(cancelled.id), null);
      assert.equal((await t.store.getPaymentLink(paidLink.id))?.status, 'paid');
      assert.equal((await t.app.request(`/sandbox/checkout/${sandboxSessionOf(recent.checkout_url)}`)).status, 200);
      assert.deepEqual(await pruneExpiredPayments(t.store, t.clock), { payments: 0, links: 0, sandboxCheckouts: 0 });
      assert.equal((await t.widget(later, 'GET', '/v1/balance')).body.balance.amount, '50.00');
    } finally {
      await t.close();
    }
  });

  it('runs on the pruner schedule with the other retention steps', async () => {
    const t = createPaymentsTestApp();
    try {
      const accountId = (await t.openAccount()).id;
      const secret = await t.mintSession(accountId, ['topup']);
      const abandoned = (await t.widget(secret, 'POST', '/v1/topups', { amount: { amount: '25.00', currency: 'USD' } })).body;
      t.clock.advance(72 * 3_600_000 + PAYMENT_RETENTION_MS + 1);
      const report = await pruneOnce(retentionSteps(t.store), t.clock);
      assert.equal(report['payments'], 2);
      assert.equal(await t.store.getPayment(abandoned.id), null);
    } finally {
      await t.close();
    }
  });
});
