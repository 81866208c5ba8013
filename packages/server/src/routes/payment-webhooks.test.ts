import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { sandboxSignature } from '../providers/payments/sandbox-signature.js';
import type { SandboxPaymentProvider } from '../providers/payments/sandbox.js';
import type { TestApp } from '../test/harness.js';
import { createPaymentsTestApp, postSandboxWebhook, sandboxEvent, sandboxSessionOf } from '../test/payments.js';

describe('POST /webhooks/payments/:provider', () => {
  let t: TestApp & { sandbox: SandboxPaymentProvider };
  let accountId: string;
  let topupId: string;
  let session: string;

  beforeEach(async () => {
    t = createPaymentsTestApp();
    accountId = (await t.openAccount()).id;
    const secret = await t.mintSession(accountId, ['topup']);
    const topup = (await t.widget(secret, 'POST', '/v1/topups', { amount: { amount: '25.00', currency: 'USD' } })).body;
    topupId = topup.id;
    session = sandboxSessionOf(topup.checkout_url);
  });
  afterEach(() => t.close());

  const balance = async () => (await t.store.getAccount(accountId))?.balanceMicros;

  it('answers 404 for a provider that is not configured', async () => {
    const body = sandboxEvent(session, 'paid');
    const res = await t.app.request('/webhooks/payments/stripe', { method: 'POST', body, headers: { 'Stripe-Signature': 'x' } });
    assert.equal(res.status, 404);
  });

  it('refuses forged, unsigned, stale and tampered events, storing nothing', async () => {
    const body = sandboxEvent(session, 'paid');
    const forged = sandboxSignature('not-the-secret-0123456789', body, t.clock.now());
    assert.equal((await postSandboxWebhook(t, body, forged)).status, 400);
    assert.equal((await postSandboxWebhook(t, body, null)).status, 400);
    const stale = sandboxSignature('sandbox_secret_for_tests_0123456789', body, new Date(t.clock.now().getTime() - 301_000));
    assert.equal((await postSandboxWebhook(t, body, stale)).status, 400);
    const tampered = sandboxEvent(session, 'paid', '2500.00');
    const res = await postSandboxWebhook(t, tampered, t.sandbox.sign(body));
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid_signature');
    assert.equal(await balance(), 0n);
    assert.equal((await t.store.getPayment(topupId))?.status, 'pending');
    assert.deepEqual(await t.store.listHostEvents(accountId), []);
  });

  it('credits a replayed event once', async () => {
    const body = sandboxEvent(session, 'paid');
    for (let i = 0; i < 3; i++) assert.equal((await postSandboxWebhook(t, body, t.sandbox.sign(body))).status, 200);
    assert.equal(await balance(), 25_000_000n);
    assert.equal((await t.store.listLedgerEntries(accountId)).length, 1);
    assert.equal((await t.store.listHostEvents(accountId)).length, 1);
  });

  it('credits two concurrent confirmations of one payment once', async () => {
    const body = sandboxEvent(session, 'paid');
    const results = await Promise.all(
      Array.from({ length: 4 }, () => postSandboxWebhook(t, body, t.sandbox.sign(body))),
    );
    assert.deepEqual(results.map((r) => r.status), [200, 200, 200, 200]);
    assert.equal(results.filter((r) => r.body.applied).length, 1);
    assert.equal(await balance(), 25_000_000n);
    assert.equal((await t.store.listLedgerEntries(accountId)).length, 1);
    assert.deepEqual((await t.store.listHostEvents(accountId)).map((e) => e.type), ['topup.succeeded']);
  });

  it('does not credit an amount that differs from the top-up, and keeps a note for review', async () => {
    const body = sandboxEvent(session, 'paid', '2.50');
    assert.equal((await postSandboxWebhook(t, body, t.sandbox.sign(body))).status, 200);
    const payment = await t.store.getPayment(topupId);
    assert.equal(payment?.status, 'pending');
    assert.match(payment?.reviewNote ?? '', /amount_mismatch: the provider reported 2.50 USD, expected 25.00 USD/);
    assert.equal(await balance(), 0n);
  });

  it('never lets a failure or expiry undo a success', async () => {
    const paid = sandboxEvent(session, 'paid');
    await postSandboxWebhook(t, paid, t.sandbox.sign(paid));
    for (const type of ['failed', 'expired'] as const) {
      const body = sandboxEvent(session, type);
      assert.equal((await postSandboxWebhook(t, body, t.sandbox.sign(body))).status, 200);
    }
    assert.equal((await t.store.getPayment(topupId))?.status, 'succeeded');
    assert.equal(await balance(), 25_000_000n);
  });

  it('acknowledges an event for an unknown payment without crediting anything', async () => {
    const body = sandboxEvent('cs_test_unknown', 'paid');
    const res = await postSandboxWebhook(t, body, t.sandbox.sign(body));
    assert.equal(res.status, 200);
    assert.equal(res.body.applied, false);
    assert.equal(await balance(), 0n);
  });
});
