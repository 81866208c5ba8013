import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { LiveEvent } from '../live/live-events.js';
import type { SandboxPaymentProvider } from '../providers/payments/sandbox.js';
import type { TestApp } from '../test/harness.js';
import { createPaymentsTestApp, postSandboxWebhook, sandboxEvent, sandboxSessionOf, submitForm } from '../test/payments.js';

describe('payment links', () => {
  let t: TestApp & { sandbox: SandboxPaymentProvider };
  let accountId: string;
  let secret: string;

  beforeEach(async () => {
    t = createPaymentsTestApp();
    accountId = (await t.openAccount({ name: 'Café <Bom> & Co' })).id;
    secret = await t.mintSession(accountId, ['payment_links'], 86_400);
  });
  afterEach(() => t.close());

  const createLink = async (extra: Record<string, unknown> = {}) => {
    const res = await t.widget(secret, 'POST', '/v1/payment-links', { amount: { amount: '25.00', currency: 'USD' }, ...extra });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const tokenOf = (link: { url: string }) => link.url.split('/pay/')[1] ?? '';
  const payThroughHostedPage = async (link: { url: string }) => {
    const started = await submitForm(t, `/pay/${tokenOf(link)}`);
    assert.equal(started.status, 303);
    const checkout = started.headers.get('Location') ?? '';
    return { checkout, paid: await submitForm(t, `${new URL(checkout).pathname}/pay`) };
  };

  describe('API', () => {
    it('creates an open link with a 256-bit token URL, 72 h expiry by default, and lists it newest first', async () => {
      const first = await createLink({ note: 'Invoice 42' });
      assert.match(first.id, /^pl_/);
      assert.match(first.url, /^http:\/\/localhost\/pay\/[A-Za-z0-9_-]{43}$/);
      assert.equal(first.status, 'open');
      assert.equal(first.note, 'Invoice 42');
      assert.equal(new Date(first.expires_at).getTime() - new Date(first.created_at).getTime(), 72 * 3_600_000);
      assert.deepEqual([first.paid_at, first.cancelled_at], [null, null]);
      t.clock.advance(1000);
      const second = await createLink({ expires_in_hours: 1 });
      assert.equal(second.note, null);
      const list = await t.widget(secret, 'GET', '/v1/payment-links');
      assert.deepEqual(list.body.data.map((l: { id: string }) => l.id), [second.id, first.id]);
      assert.equal(list.body.data[1].url, first.url);
    });

    it('validates amount, expiry and note', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ amount: { amount: '5.00', currency: 'USD' } }, 'amount_below_minimum'],
        [{ amount: { amount: '25.00', currency: 'BRL' } }, 'currency_mismatch'],
        [{ amount: { amount: '25.00', currency: 'USD' }, expires_in_hours: 721 }, 'invalid_request'],
        [{ amount: { amount: '25.00', currency: 'USD' }, expires_in_hours: 0 }, 'invalid_request'],
        [{ amount: { amount: '25.00', currency: 'USD' }, note: 'x'.repeat(201) }, 'invalid_request'],
        [{ amount: { amount: '25.00', currency: 'USD' }, extra: true }, 'invalid_request'],
      ];
      for (const [body, code] of cases) {
        const res = await t.widget(secret, 'POST', '/v1/payment-links', body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal(res.body.error.code, code);
      }
      assert.deepEqual((await t.widget(secret, 'GET', '/v1/payment-links')).body.data, []);
    });

    it('needs payment_links to create or cancel, and hides other accounts’ links', async () => {
      const link = await createLink();
      const readOnly = await t.mintSession(accountId);
      assert.equal((await t.widget(readOnly, 'POST', '/v1/payment-links', { amount: { amount: '25.00', currency: 'USD' } })).status, 403);
      assert.equal((await t.widget(readOnly, 'DELETE', `/v1/payment-links/${link.id}`)).status, 403);
      assert.equal((await t.widget(readOnly, 'GET', '/v1/payment-links')).status, 200);
      const other = await t.openAccount();
      const otherSecret = await t.mintSession(other.id, ['payment_links']);
      const res = await t.widget(otherSecret, 'DELETE', `/v1/payment-links/${link.id}`);
      assert.equal(res.status, 404);
      assert.deepEqual((await t.widget(otherSecret, 'GET', '/v1/payment-links')).body.data, []);
    });

    it('cancels a link idempotently, and refuses to cancel a paid one', async () => {
      const link = await createLink();
      const cancelled = await t.widget(secret, 'DELETE', `/v1/payment-links/${link.id}`);
      assert.equal(cancelled.status, 200);
      assert.equal(cancelled.body.status, 'cancelled');
      assert.equal(cancelled.body.cancelled_at, t.clock.now().toISOString());
      t.clock.advance(5000);
      const again = await t.widget(secret, 'DELETE', `/v1/payment-links/${link.id}`);
      assert.deepEqual(again.body, cancelled.body);

      const paidLink = await createLink();
      await payThroughHostedPage(paidLink);
      const refused = await t.widget(secret, 'DELETE', `/v1/payment-links/${paidLink.id}`);
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'payment_link_paid');
    });

    it('shows a link past its expiry as expired', async () => {
      await createLink({ expires_in_hours: 1 });
      t.clock.advance(3_600_000);
      const list = await t.widget(secret, 'GET', '/v1/payment-links');
      assert.equal(list.body.data[0].status, 'expired');
    });
  });

  describe('hosted page', () => {
    it('shows the payee, amount, escaped note, expiry and a Pay button, accessibly and under a strict CSP', async () => {
      const link = await createLink({ note: '<script>alert("x")</script> & thanks' });
      const res = await t.app.request(`/pay/${tokenOf(link)}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('Content-Type') ?? '', /text\/html/);
      assert.match(res.headers.get('Content-Security-Policy') ?? '', /default-src 'none'; style-src 'nonce-/);
      const page = await res.text();
      assert.match(page, /<html lang="en">/);
      assert.match(page, /<h1>Payment request<\/h1>/);
      assert.match(page, /Café &lt;Bom&gt; &amp; Co/);
      assert.match(page, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; thanks/);
      assert.doesNotMatch(page, /<script>alert/);
      assert.match(page, /January 18, 2025 at 10:00 AM UTC/);
      assert.match(page, new RegExp(`<form method="post" action="/pay/${tokenOf(link)}"><button type="submit">Pay \\$25\\.00</button></form>`));
      assert.match(page, /--brand: #1f6feb; --on-brand: #ffffff/);
    });

    it('formats the amount for the payer’s Accept-Language', async () => {
      const link = await createLink();
      const page = await (await t.app.request(`/pay/${tokenOf(link)}`, { headers: { 'Accept-Language': 'pt-BR,pt;q=0.9' } })).text();
      assert.match(page, /Pay US\$\s25,00/);
    });

    it('is paid through the provider’s checkout, crediting once with a payment_link.paid host event', async () => {
      const link = await createLink({ note: 'Invoice 42' });
      const heard: LiveEvent[] = [];
      t.liveEvents.subscribe(accountId, (event) => heard.push(event));
      const { checkout, paid } = await payThroughHostedPage(link);
      assert.match(checkout, /^http:\/\/localhost\/sandbox\/checkout\/cs_test_/);
      assert.equal(paid.headers.get('Location'), 'http://localhost/checkout/complete');

      const entries = await t.store.listLedgerEntries(accountId);
      assert.equal(entries.length, 1);
      assert.equal(entries[0]?.kind, 'payment_link');
      assert.equal(entries[0]?.reference, link.id);
      assert.equal(entries[0]?.idempotencyKey, `payment:sandbox:${sandboxSessionOf(checkout)}`);
      const events = await t.store.listHostEvents(accountId);
      assert.deepEqual(events.map((e) => e.type), ['payment_link.paid']);
      assert.equal(events[0]?.data['payment_link_id'], link.id);
      // Live events follow the commit (through NOTIFY on PostgreSQL): give them a moment.
      for (let i = 0; i < 300 && heard.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.deepEqual(heard.map((e) => e.type), ['balance', 'topup']);
      assert.deepEqual(heard[1]?.data, { id: link.id, status: 'succeeded', amount: { amount: '25.00', currency: 'USD' }, source: 'payment_link' });

      const listed = (await t.widget(secret, 'GET', '/v1/payment-links')).body.data[0];
      assert.equal(listed.status, 'paid');
      assert.equal(listed.paid_at, t.clock.now().toISOString());
      const page = await t.app.request(`/pay/${tokenOf(link)}`);
      assert.equal(page.status, 200);
      const markup = await page.text();
      assert.match(markup, /This payment has been made/);
      assert.doesNotMatch(markup, /<button/);
      const again = await submitForm(t, `/pay/${tokenOf(link)}`);
      assert.equal(again.status, 409, 'paying a paid link again is refused');
      assert.match(await again.text(), /This payment has been made/);
    });

    it('reuses the open checkout when the Pay button is pressed twice', async () => {
      const link = await createLink();
      const first = (await submitForm(t, `/pay/${tokenOf(link)}`)).headers.get('Location');
      const second = (await submitForm(t, `/pay/${tokenOf(link)}`)).headers.get('Location');
      assert.equal(first, second);
    });

    it('credits a link once even when two checkouts of it are confirmed concurrently', async () => {
      const link = await createLink();
      const checkout = (await submitForm(t, `/pay/${tokenOf(link)}`)).headers.get('Location') ?? '';
      const body = sandboxEvent(sandboxSessionOf(checkout), 'paid');
      await Promise.all([1, 2].map(() => postSandboxWebhook(t, body, t.sandbox.sign(body))));
      assert.equal((await t.store.getAccount(accountId))?.balanceMicros, 25_000_000n);
      assert.equal((await t.store.listHostEvents(accountId)).length, 1);
    });

    it('says clearly when a link was cancelled, has expired, or does not exist', async () => {
      const cancelled = await createLink();
      await t.widget(secret, 'DELETE', `/v1/payment-links/${cancelled.id}`);
      const cancelledPage = await t.app.request(`/pay/${tokenOf(cancelled)}`);
      assert.equal(cancelledPage.status, 410);
      assert.match(await cancelledPage.text(), /This payment link was cancelled/);
      assert.equal((await submitForm(t, `/pay/${tokenOf(cancelled)}`)).status, 410);

      const expiring = await createLink({ expires_in_hours: 1 });
      t.clock.advance(3_600_000);
      const expiredPage = await t.app.request(`/pay/${tokenOf(expiring)}`);
      assert.equal(expiredPage.status, 410);
      assert.match(await expiredPage.text(), /This payment link has expired/);

      for (const token of ['A'.repeat(43), 'short', '%3Cscript%3E']) {
        const unknown = await t.app.request(`/pay/${token}`);
        assert.equal(unknown.status, 404);
        assert.match(await unknown.text(), /Payment link not found/);
      }
    });
  });
});
