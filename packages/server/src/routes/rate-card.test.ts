import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { TestApp } from '../test/harness.js';
import { ALLOWED_ORIGIN, createTestApp } from '../test/harness.js';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const CARD = {
  currency: 'USD',
  rates: [
    { market: 'IN', category: 'marketing', price: usd('0.0118') },
    { market: 'IN', category: 'utility', price: usd('0.0014') },
    { market: 'REST_OF_AFRICA', category: 'marketing', price: usd('0.0225') },
  ],
};

describe('rate cards', () => {
  let t: TestApp;
  let accountId: string;
  let secret: string;

  beforeEach(async () => {
    t = createTestApp();
    accountId = (await t.openAccount()).id;
    secret = await t.mintSession(accountId);
  });
  afterEach(() => t.close());

  describe('PUT/GET /v1/rate-card (partner)', () => {
    it('replaces the default card of a currency and reads it back with market names', async () => {
      const put = await t.partner('PUT', '/v1/rate-card', CARD);
      assert.equal(put.status, 200);
      assert.deepEqual(put.body.rates[2], { market: 'REST_OF_AFRICA', market_name: 'Rest of Africa', category: 'marketing', price: usd('0.0225') });
      await t.partner('PUT', '/v1/rate-card', { currency: 'USD', rates: [CARD.rates[0]] });
      const get = await t.partner('GET', '/v1/rate-card?currency=USD');
      assert.deepEqual(get.body, { currency: 'USD', rates: [{ market: 'IN', market_name: 'India', category: 'marketing', price: usd('0.0118') }] });
    });

    it('refuses invalid cards with 400 and keeps the previous card whole', async () => {
      await t.partner('PUT', '/v1/rate-card', CARD);
      const invalid: [unknown, string][] = [
        [{ currency: 'USD', rates: [...CARD.rates, { market: 'XX', category: 'marketing', price: usd('1') }] }, 'unknown_market'],
        [{ currency: 'USD', rates: [{ market: 'IN', category: 'promo', price: usd('1') }] }, 'unknown_category'],
        [{ currency: 'USD', rates: [{ market: 'IN', category: 'marketing', price: usd('-0.01') }] }, 'invalid_price'],
        [{ currency: 'USD', rates: [{ market: 'IN', category: 'marketing', price: { amount: '1', currency: 'EUR' } }] }, 'currency_mismatch'],
        [{ currency: 'USD', rates: [CARD.rates[0], CARD.rates[0]] }, 'duplicate_rate'],
        [{ currency: 'USD', rates: [{ market: 'IN', category: 'authentication-international', price: usd('1') }, { market: 'IN', category: 'authentication_international', price: usd('1') }] }, 'duplicate_rate'],
        [{ currency: 'XYZ', rates: [] }, 'invalid_currency'],
        [{ currency: 'USD', rates: [{ market: 'IN', category: 'marketing', price: { amount: 0.01, currency: 'USD' } }] }, 'invalid_request'],
        [{ currency: 'USD', rates: [], extra: 1 }, 'invalid_request'],
      ];
      for (const [body, code] of invalid) {
        const res = await t.partner('PUT', '/v1/rate-card', body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal(res.body.error.code, code, JSON.stringify(body));
      }
      assert.equal((await t.partner('GET', '/v1/rate-card')).body.rates.length, 3);
    });

    it('needs the partner key to replace a card', async () => {
      assert.equal((await t.widget(secret, 'PUT', '/v1/rate-card', CARD)).status, 401);
      assert.equal((await t.partner('PUT', '/v1/rate-card', CARD, null)).status, 401);
    });
  });

  describe('PUT/GET /v1/accounts/:id/pricing', () => {
    it('sets default, markup and custom pricing and reads it back', async () => {
      assert.deepEqual((await t.partner('GET', `/v1/accounts/${accountId}/pricing`)).body, { mode: 'default', markup_percent: null });
      const markup = await t.partner('PUT', `/v1/accounts/${accountId}/pricing`, { mode: 'markup', markup_percent: '12.50' });
      assert.deepEqual(markup.body, { mode: 'markup', markup_percent: '12.5' });
      const custom = await t.partner('PUT', `/v1/accounts/${accountId}/pricing`, { mode: 'custom', rates: [CARD.rates[1]] });
      assert.deepEqual(custom.body, { mode: 'custom', markup_percent: null, rates: [{ market: 'IN', market_name: 'India', category: 'utility', price: usd('0.0014') }] });
      assert.deepEqual((await t.partner('GET', `/v1/accounts/${accountId}/pricing`)).body, custom.body);
      await t.partner('PUT', `/v1/accounts/${accountId}/pricing`, { mode: 'default' });
      assert.deepEqual((await t.partner('GET', `/v1/accounts/${accountId}/pricing`)).body, { mode: 'default', markup_percent: null });
    });

    it('refuses bad markups, bad custom rates, unknown modes and unknown accounts', async () => {
      for (const markup of ['-1', '1000.5', '1.23456', '1e3', 15]) {
        const res = await t.partner('PUT', `/v1/accounts/${accountId}/pricing`, { mode: 'markup', markup_percent: markup });
        assert.equal(res.status, 400, String(markup));
      }
      const eur = await t.partner('PUT', `/v1/accounts/${accountId}/pricing`, { mode: 'custom', rates: [{ market: 'IN', category: 'marketing', price: { amount: '1', currency: 'EUR' } }] });
      assert.equal(eur.body.error.code, 'currency_mismatch');
      assert.equal((await t.partner('PUT', `/v1/accounts/${accountId}/pricing`, { mode: 'cheap' })).status, 400);
      assert.equal((await t.partner('PUT', '/v1/accounts/acc_missing/pricing', { mode: 'default' })).status, 404);
      assert.deepEqual((await t.partner('GET', `/v1/accounts/${accountId}/pricing`)).body.mode, 'default');
    });
  });

  describe('GET /v1/rate-card (widget)', () => {
    beforeEach(async () => {
      await t.partner('PUT', '/v1/rate-card', CARD);
    });

    it('shows the default card to an account on default pricing, filtered by market', async () => {
      const res = await t.widget(secret, 'GET', '/v1/rate-card?market=IN');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        currency: 'USD',
        pricing: 'default',
        markup_percent: null,
        rates: [
          { market: 'IN', market_name: 'India', category: 'marketing', price: usd('0.0118') },
          { market: 'IN', market_name: 'India', category: 'utility', price: usd('0.0014') },
        ],
      });
    });

    it('shows marked-up prices rounded half-up to the micro-unit', async () => {
      await t.partner('PUT', `/v1/accounts/${accountId}/pricing`, { mode: 'markup', markup_percent: '33.3333' });
      const res = await t.widget(secret, 'GET', '/v1/rate-card?market=IN');
      assert.equal(res.body.markup_percent, '33.3333');
      // 0.0118 × 1.333333 = 0.015733329… → 0.015733; 0.0014 × 1.333333 = 0.0018666662 → 0.001867
      assert.deepEqual(res.body.rates.map((rate: { price: { amount: string } }) => rate.price.amount), ['0.015733', '0.001867']);
    });

    it('shows only the custom card to an account that has one', async () => {
      await t.partner('PUT', `/v1/accounts/${accountId}/pricing`, { mode: 'custom', rates: [{ market: 'BR', category: 'marketing', price: usd('0.05') }] });
      const res = await t.widget(secret, 'GET', '/v1/rate-card');
      assert.equal(res.body.pricing, 'custom');
      assert.deepEqual(res.body.rates, [{ market: 'BR', market_name: 'Brazil', category: 'marketing', price: usd('0.05') }]);
    });

    it('refuses an unknown market with 400 and an expired session with 401, and allows CORS', async () => {
      assert.equal((await t.widget(secret, 'GET', '/v1/rate-card?market=ZZ')).body.error.code, 'unknown_market');
      assert.equal((await t.widget('ws_forged', 'GET', '/v1/rate-card')).status, 401);
      const res = await t.raw('GET', '/v1/rate-card', undefined, { Authorization: `Bearer ${secret}`, Origin: ALLOWED_ORIGIN });
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), ALLOWED_ORIGIN);
    });
  });
});
