import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { TestApp } from '../test/harness.js';
import { createTestApp } from '../test/harness.js';

describe('partner accounts API', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  describe('POST /v1/accounts', () => {
    it('opens an account with a zero balance and returns it with 201', async () => {
      const res = await t.partner('POST', '/v1/accounts', {
        name: 'Acme Coffee Roasters',
        currency: 'USD',
        waba_id: '102290129340398',
        phone_number_id: '106540352242922',
        display_phone_number: '+1 555-010-4477',
        business_portfolio_id: '1203948576102938',
        low_balance_threshold: { amount: '100', currency: 'USD' },
      });
      assert.equal(res.status, 201);
      assert.match(res.body.id, /^acc_[\w-]{22}$/);
      assert.deepEqual({ ...res.body, id: undefined }, {
        id: undefined,
        name: 'Acme Coffee Roasters',
        currency: 'USD',
        waba_id: '102290129340398',
        phone_number_id: '106540352242922',
        display_phone_number: '+1 555-010-4477',
        verified_name: null,
        business_portfolio_id: '1203948576102938',
        low_balance_threshold: { amount: '100.00', currency: 'USD' },
        balance: { amount: '0.00', currency: 'USD' },
        created_at: '2025-01-15T10:00:00.000Z',
        updated_at: '2025-01-15T10:00:00.000Z',
      });
    });

    it('answers 409 phone_number_taken for a phone_number_id that already has an account', async () => {
      await t.openAccount({ phone_number_id: '5550001' });
      const res = await t.partner('POST', '/v1/accounts', {
        name: 'Copycat',
        currency: 'EUR',
        waba_id: '1',
        phone_number_id: '5550001',
      });
      assert.equal(res.status, 409);
      assert.equal(res.body.error.code, 'phone_number_taken');
      assert.equal((await t.store.listAccounts({ limit: 10 })).length, 1);
    });

    it('rejects an unknown currency and a threshold in another currency', async () => {
      const base = { name: 'X', waba_id: '1', phone_number_id: '2' };
      const unknown = await t.partner('POST', '/v1/accounts', { ...base, currency: 'XYZ' });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.error.code, 'invalid_currency');
      const mismatch = await t.partner('POST', '/v1/accounts', {
        ...base,
        currency: 'USD',
        low_balance_threshold: { amount: '1.00', currency: 'EUR' },
      });
      assert.equal(mismatch.status, 400);
      assert.equal(mismatch.body.error.code, 'currency_mismatch');
      const negative = await t.partner('POST', '/v1/accounts', {
        ...base,
        currency: 'USD',
        low_balance_threshold: { amount: '-1.00', currency: 'USD' },
      });
      assert.equal(negative.status, 400);
      assert.equal(negative.body.error.code, 'invalid_threshold');
      assert.equal((await t.store.listAccounts({ limit: 10 })).length, 0);
    });

    it('rejects wrong types, missing fields and unknown fields with 400 invalid_request naming the field', async () => {
      const cases: [unknown, RegExp][] = [
        [{ name: 'X', currency: 'USD', waba_id: 1, phone_number_id: '2' }, /waba_id/],
        [{ name: 'X', currency: 'usd', waba_id: '1', phone_number_id: '2' }, /currency/],
        [{ name: 'X', currency: 'USD', waba_id: '1' }, /phone_number_id/],
        [{ name: '', currency: 'USD', waba_id: '1', phone_number_id: '2' }, /name/],
        [{ name: 'X', currency: 'USD', waba_id: '1', phone_number_id: '2', balance: '100' }, /balance/],
        [{ name: 'X', currency: 'USD', waba_id: 'abc', phone_number_id: '2' }, /waba_id/],
        [[], /body/],
      ];
      for (const [body, field] of cases) {
        const res = await t.partner('POST', '/v1/accounts', body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal(res.body.error.code, 'invalid_request');
        assert.match(res.body.error.message, field);
      }
      assert.equal((await t.store.listAccounts({ limit: 10 })).length, 0);
    });

    it('answers 401 without the partner key and with a wrong one', async () => {
      const body = { name: 'X', currency: 'USD', waba_id: '1', phone_number_id: '2' };
      for (const auth of [null, 'sk_wrong', '']) {
        const res = await t.partner('POST', '/v1/accounts', body, auth);
        assert.equal(res.status, 401);
        assert.equal(res.body.error.code, 'unauthorized');
      }
      assert.equal((await t.store.listAccounts({ limit: 10 })).length, 0);
    });
  });

  describe('GET /v1/accounts/:id', () => {
    it('reads an account with its balance', async () => {
      const account = await t.openAccount();
      const res = await t.partner('GET', `/v1/accounts/${account.id}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, account);
    });

    it('answers 404 account_not_found for an unknown id', async () => {
      const res = await t.partner('GET', '/v1/accounts/acc_missing');
      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'account_not_found');
    });

    it('answers 401 to a widget client secret', async () => {
      const account = await t.openAccount();
      const secret = await t.mintSession(account.id);
      const res = await t.partner('GET', `/v1/accounts/${account.id}`, undefined, secret);
      assert.equal(res.status, 401);
    });
  });

  describe('GET /v1/accounts', () => {
    it('pages through every account exactly once, oldest first', async () => {
      const opened = [];
      for (let i = 0; i < 7; i++) {
        opened.push(await t.openAccount({ name: `Account ${i}` }));
        if (i % 2 === 0) t.clock.advance(1000);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
        const res = await t.partner('GET', `/v1/accounts${query}`);
        assert.equal(res.status, 200);
        assert.ok(res.body.data.length <= 3);
        seen.push(...res.body.data.map((a: { name: string }) => a.name));
        cursor = res.body.next_cursor;
      } while (cursor);
      assert.deepEqual([...seen].sort(), opened.map((a) => a.name).sort());
      assert.equal(new Set(seen).size, 7);
    });

    it('returns an empty page and no cursor when there are no accounts', async () => {
      const res = await t.partner('GET', '/v1/accounts');
      assert.deepEqual(res.body, { data: [], next_cursor: null });
    });

    it('rejects limits outside 1..100 and forged cursors with 400', async () => {
      for (const query of ['?limit=0', '?limit=101', '?limit=abc', '?limit=1.5']) {
        const res = await t.partner('GET', `/v1/accounts${query}`);
        assert.equal(res.status, 400, query);
        assert.equal(res.body.error.code, 'invalid_request');
      }
      const forged = await t.partner('GET', '/v1/accounts?cursor=bm90LWEtY3Vyc29y');
      assert.equal(forged.status, 400);
      assert.equal(forged.body.error.code, 'invalid_cursor');
    });

    it('answers 401 without the partner key', async () => {
      const res = await t.partner('GET', '/v1/accounts', undefined, null);
      assert.equal(res.status, 401);
    });
  });
});
