import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { SESSION_TTL } from '../domain/sessions.js';
import type { TestApp } from '../test/harness.js';
import { createTestApp, SECRET_KEY } from '../test/harness.js';

describe('widget API', () => {
  let t: TestApp;
  let accountA: string;
  let accountB: string;
  let secretA: string;

  beforeEach(async () => {
    t = createTestApp();
    accountA = (
      await t.openAccount({
        name: 'Acme Coffee Roasters',
        display_phone_number: '+1 555-010-4477',
        low_balance_threshold: { amount: '100.00', currency: 'USD' },
      })
    ).id;
    accountB = (await t.openAccount({ name: 'Other Bakery', currency: 'EUR' })).id;
    await t.partner('POST', `/v1/accounts/${accountA}/adjustments`, {
      amount: { amount: '8323.87', currency: 'USD' },
      reason: 'Opening balance',
      idempotency_key: 'open',
    });
    await t.partner('POST', `/v1/accounts/${accountB}/adjustments`, {
      amount: { amount: '5.00', currency: 'EUR' },
      reason: 'Opening balance',
      idempotency_key: 'open',
    });
    secretA = await t.mintSession(accountA, ['alerts:write']);
  });
  afterEach(() => t.close());

  describe('GET /v1/account', () => {
    it("returns the session's account with its phone, unknown Meta fields null", async () => {
      const res = await t.widget(secretA, 'GET', '/v1/account');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        id: accountA,
        name: 'Acme Coffee Roasters',
        currency: 'USD',
        phone: {
          display_phone_number: '+1 555-010-4477',
          verified_name: null,
          name_status: null,
          status: null,
          quality_rating: 'UNKNOWN',
        },
      });
    });
  });

  describe('GET /v1/balance', () => {
    it('returns the balance, threshold and low flag', async () => {
      const res = await t.widget(secretA, 'GET', '/v1/balance');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        balance: { amount: '8323.87', currency: 'USD' },
        low_balance_threshold: { amount: '100.00', currency: 'USD' },
        is_low: false,
        updated_at: '2025-01-15T10:00:00.000Z',
        runway: { days: null, average_daily_spend: { amount: '0.00', currency: 'USD' }, basis_days: 7 },
      });
    });

    it('reports is_low once the balance is below the threshold, not at it', async () => {
      const debit = (amount: string, key: string) =>
        t.partner('POST', `/v1/accounts/${accountA}/adjustments`, {
          amount: { amount, currency: 'USD' },
          reason: 'Spend',
          idempotency_key: key,
        });
      await debit('-8223.87', 'd1');
      assert.equal((await t.widget(secretA, 'GET', '/v1/balance')).body.is_low, false);
      await debit('-0.000001', 'd2');
      assert.equal((await t.widget(secretA, 'GET', '/v1/balance')).body.is_low, true);
    });
  });

  describe('PUT /v1/alerts/low-balance', () => {
    it('sets the threshold and returns the balance payload', async () => {
      t.clock.advance(60_000);
      const res = await t.widget(secretA, 'PUT', '/v1/alerts/low-balance', { threshold: { amount: '9000', currency: 'USD' } });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        balance: { amount: '8323.87', currency: 'USD' },
        low_balance_threshold: { amount: '9000.00', currency: 'USD' },
        is_low: true,
        updated_at: '2025-01-15T10:01:00.000Z',
        runway: { days: null, average_daily_spend: { amount: '0.00', currency: 'USD' }, basis_days: 7 },
      });
    });

    it('clears the threshold with null', async () => {
      const res = await t.widget(secretA, 'PUT', '/v1/alerts/low-balance', { threshold: null });
      assert.equal(res.status, 200);
      assert.equal(res.body.low_balance_threshold, null);
      assert.equal(res.body.is_low, false);
    });

    it('answers 403 forbidden to a session without alerts:write and changes nothing', async () => {
      const readOnly = await t.mintSession(accountA);
      const res = await t.widget(readOnly, 'PUT', '/v1/alerts/low-balance', { threshold: null });
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'forbidden');
      const balance = await t.widget(readOnly, 'GET', '/v1/balance');
      assert.deepEqual(balance.body.low_balance_threshold, { amount: '100.00', currency: 'USD' });
    });

    it('rejects bad thresholds with 400 and changes nothing', async () => {
      const cases: [unknown, string][] = [
        [{ threshold: { amount: '50', currency: 'EUR' } }, 'currency_mismatch'],
        [{ threshold: { amount: '-1', currency: 'USD' } }, 'invalid_threshold'],
        [{ threshold: { amount: '1e3', currency: 'USD' } }, 'invalid_request'],
        [{ threshold: 50 }, 'invalid_request'],
        [{}, 'invalid_request'],
        [{ threshold: null, notify: true }, 'invalid_request'],
      ];
      for (const [body, code] of cases) {
        const res = await t.widget(secretA, 'PUT', '/v1/alerts/low-balance', body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal(res.body.error.code, code);
      }
      const balance = await t.widget(secretA, 'GET', '/v1/balance');
      assert.deepEqual(balance.body.low_balance_threshold, { amount: '100.00', currency: 'USD' });
    });
  });

  describe('session authentication', () => {
    const widgetRoutes: [string, string, unknown?][] = [
      ['GET', '/v1/account'],
      ['GET', '/v1/balance'],
      ['PUT', '/v1/alerts/low-balance', { threshold: null }],
      ['GET', '/v1/quality'],
      ['GET', '/v1/quota'],
    ];

    for (const [method, path, body] of widgetRoutes) {
      it(`${method} ${path} answers 401 session_expired when the secret is missing, forged or expired`, async () => {
        const forged = `ws_${'A'.repeat(43)}`;
        for (const secret of [null, forged, 'not-a-secret', SECRET_KEY]) {
          const res = await t.widget(secret, method, path, body);
          assert.equal(res.status, 401, String(secret));
          assert.equal(res.body.error.code, 'session_expired');
        }
        t.clock.advance(SESSION_TTL.default * 1000);
        const expired = await t.widget(secretA, method, path, body);
        assert.equal(expired.status, 401);
        assert.equal(expired.body.error.code, 'session_expired');
      });
    }

    it('admits a session until the last millisecond before it expires', async () => {
      const shortLived = await t.mintSession(accountA, [], 60);
      t.clock.advance(59_999);
      assert.equal((await t.widget(shortLived, 'GET', '/v1/balance')).status, 200);
      t.clock.advance(1);
      assert.equal((await t.widget(shortLived, 'GET', '/v1/balance')).status, 401);
    });

    it("keeps a session to its own account: A's session only ever sees A", async () => {
      const secretB = await t.mintSession(accountB, ['alerts:write']);
      assert.equal((await t.widget(secretA, 'GET', '/v1/account')).body.id, accountA);
      assert.equal((await t.widget(secretB, 'GET', '/v1/account')).body.id, accountB);
      assert.deepEqual((await t.widget(secretB, 'GET', '/v1/balance')).body.balance, { amount: '5.00', currency: 'EUR' });
      await t.widget(secretB, 'PUT', '/v1/alerts/low-balance', { threshold: { amount: '1', currency: 'EUR' } });
      const a = await t.widget(secretA, 'GET', '/v1/balance');
      assert.deepEqual(a.body.low_balance_threshold, { amount: '100.00', currency: 'USD' });
      assert.deepEqual(a.body.balance, { amount: '8323.87', currency: 'USD' });
    });

    it('refuses a client secret on every partner endpoint', async () => {
      const partnerCalls: [string, string, unknown?][] = [
        ['GET', '/v1/accounts'],
        ['GET', `/v1/accounts/${accountB}`],
        ['POST', '/v1/accounts', { name: 'x', currency: 'USD', waba_id: '1', phone_number_id: '9' }],
        ['POST', `/v1/accounts/${accountA}/adjustments`, { amount: { amount: '1', currency: 'USD' }, reason: 'r', idempotency_key: 'x' }],
        ['POST', '/v1/widget-sessions', { account_id: accountB }],
      ];
      for (const [method, path, body] of partnerCalls) {
        const res = await t.widget(secretA, method, path, body);
        assert.equal(res.status, 401, `${method} ${path}`);
        assert.equal(res.body.error.code, 'unauthorized');
      }
      assert.equal((await t.store.listLedgerEntries(accountA)).length, 1);
    });
  });
});
