import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { TestApp } from '../test/harness.js';
import { createTestApp, SECRET_KEY } from '../test/harness.js';

describe('POST /v1/accounts/:id/adjustments', () => {
  let t: TestApp;
  let accountId: string;
  const adjust = (body: unknown, id = accountId) => t.partner('POST', `/v1/accounts/${id}/adjustments`, body);
  const credit = (amount: string, key: string, reason = 'Goodwill credit') =>
    adjust({ amount: { amount, currency: 'USD' }, reason, idempotency_key: key });

  async function assertNothingWritten(): Promise<void> {
    assert.equal((await t.store.listLedgerEntries(accountId)).length, 0);
    const res = await t.partner('GET', `/v1/accounts/${accountId}`);
    assert.deepEqual(res.body.balance, { amount: '0.00', currency: 'USD' });
  }

  beforeEach(async () => {
    t = createTestApp();
    accountId = (await t.openAccount()).id;
  });
  afterEach(() => t.close());

  it('credits the account and returns the ledger entry with 201', async () => {
    const res = await credit('12.50', 'k-1');
    assert.equal(res.status, 201);
    assert.match(res.body.id, /^le_/);
    assert.deepEqual({ ...res.body, id: undefined }, {
      id: undefined,
      account_id: accountId,
      at: '2025-01-15T10:00:00.000Z',
      type: 'credit',
      kind: 'adjustment',
      amount: { amount: '12.50', currency: 'USD' },
      balance_after: { amount: '12.50', currency: 'USD' },
      description: 'Goodwill credit',
      reference: null,
      idempotency_key: 'k-1',
    });
    const account = await t.partner('GET', `/v1/accounts/${accountId}`);
    assert.deepEqual(account.body.balance, { amount: '12.50', currency: 'USD' });
  });

  it('debits with a negative amount down to exactly zero', async () => {
    await credit('10', 'k-1');
    const res = await credit('-10.00', 'k-2', 'Correction');
    assert.equal(res.status, 201);
    assert.equal(res.body.type, 'debit');
    assert.deepEqual(res.body.amount, { amount: '-10.00', currency: 'USD' });
    assert.deepEqual(res.body.balance_after, { amount: '0.00', currency: 'USD' });
  });

  it('refuses an operator debit below zero with 409 insufficient_balance and writes nothing', async () => {
    await credit('5', 'k-1');
    const res = await credit('-5.000001', 'k-2');
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'insufficient_balance');
    assert.equal((await t.store.listLedgerEntries(accountId)).length, 1);
    // The refused key stays free: the same key may be used once the request is valid.
    assert.equal((await credit('-5', 'k-2')).status, 201);
  });

  it('keeps 0.000001 exact through a round-trip', async () => {
    await credit('0.000001', 'k-1');
    await credit('0.000001', 'k-2');
    const res = await t.partner('GET', `/v1/accounts/${accountId}`);
    assert.deepEqual(res.body.balance, { amount: '0.000002', currency: 'USD' });
    const [first] = await t.store.listLedgerEntries(accountId);
    assert.equal(first?.amountMicros, 1n);
  });

  it('keeps the largest amounts exact', async () => {
    const res = await credit('1000000000000', 'k-1');
    assert.equal(res.status, 201);
    assert.deepEqual(res.body.balance_after, { amount: '1000000000000.00', currency: 'USD' });
    const over = await credit('0.000001', 'k-2');
    assert.equal(over.status, 409);
    assert.equal(over.body.error.code, 'balance_out_of_range');
  });

  describe('idempotency', () => {
    it('answers a replay with 200, the first entry and Idempotent-Replayed, and changes nothing', async () => {
      const first = await credit('7.25', 'same-key');
      const replay = await credit('7.25', 'same-key');
      assert.equal(first.status, 201);
      assert.equal(replay.status, 200);
      assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
      assert.equal(first.headers.get('Idempotent-Replayed'), null);
      assert.deepEqual(replay.body, first.body);
      assert.equal((await t.store.listLedgerEntries(accountId)).length, 1);
      const account = await t.partner('GET', `/v1/accounts/${accountId}`);
      assert.deepEqual(account.body.balance, { amount: '7.25', currency: 'USD' });
    });

    it('answers 409 idempotency_conflict when the same key comes with another amount or reason', async () => {
      await credit('7.25', 'same-key');
      for (const res of [await credit('7.26', 'same-key'), await credit('7.25', 'same-key', 'Other reason')]) {
        assert.equal(res.status, 409);
        assert.equal(res.body.error.code, 'idempotency_conflict');
      }
      assert.equal((await t.store.listLedgerEntries(accountId)).length, 1);
    });

    it('scopes keys to the account', async () => {
      const other = (await t.openAccount()).id;
      await credit('1', 'shared');
      const res = await adjust({ amount: { amount: '2', currency: 'USD' }, reason: 'x', idempotency_key: 'shared' }, other);
      assert.equal(res.status, 201);
    });
  });

  describe('bad input is a 400 that writes nothing', () => {
    const cases: [string, unknown, string][] = [
      ['an exponent', { amount: { amount: '1e3', currency: 'USD' }, reason: 'r', idempotency_key: 'k' }, 'invalid_request'],
      ['7 fraction digits', { amount: { amount: '1.1234567', currency: 'USD' }, reason: 'r', idempotency_key: 'k' }, 'invalid_request'],
      ['a JSON number', { amount: { amount: 12.5, currency: 'USD' }, reason: 'r', idempotency_key: 'k' }, 'invalid_request'],
      ['a bare number as money', { amount: 12.5, reason: 'r', idempotency_key: 'k' }, 'invalid_request'],
      ['a missing currency', { amount: { amount: '12.50' }, reason: 'r', idempotency_key: 'k' }, 'invalid_request'],
      ['a lower-case currency', { amount: { amount: '12.50', currency: 'usd' }, reason: 'r', idempotency_key: 'k' }, 'invalid_request'],
      ['another currency', { amount: { amount: '12.50', currency: 'EUR' }, reason: 'r', idempotency_key: 'k' }, 'currency_mismatch'],
      ['a zero amount', { amount: { amount: '0.00', currency: 'USD' }, reason: 'r', idempotency_key: 'k' }, 'invalid_amount'],
      ['an unknown field in money', { amount: { amount: '1', currency: 'USD', cents: 100 }, reason: 'r', idempotency_key: 'k' }, 'invalid_request'],
      ['an unknown field', { amount: { amount: '1', currency: 'USD' }, reason: 'r', idempotency_key: 'k', force: true }, 'invalid_request'],
      ['a missing reason', { amount: { amount: '1', currency: 'USD' }, idempotency_key: 'k' }, 'invalid_request'],
      ['a blank reason', { amount: { amount: '1', currency: 'USD' }, reason: '   ', idempotency_key: 'k' }, 'invalid_request'],
      ['a 501-character reason', { amount: { amount: '1', currency: 'USD' }, reason: 'r'.repeat(501), idempotency_key: 'k' }, 'invalid_request'],
      ['a missing idempotency key', { amount: { amount: '1', currency: 'USD' }, reason: 'r' }, 'invalid_request'],
      ['a 256-character idempotency key', { amount: { amount: '1', currency: 'USD' }, reason: 'r', idempotency_key: 'k'.repeat(256) }, 'invalid_request'],
      ['null', null, 'invalid_request'],
    ];
    for (const [name, body, code] of cases) {
      it(`refuses ${name} with ${code}`, async () => {
        const res = await adjust(body);
        assert.equal(res.status, 400);
        assert.equal(res.body.error.code, code);
        assert.equal(typeof res.body.error.message, 'string');
        await assertNothingWritten();
      });
    }

    it('refuses malformed JSON with 400 invalid_json', async () => {
      const res = await t.raw('POST', `/v1/accounts/${accountId}/adjustments`, '{"amount": {', {
        Authorization: `Bearer ${SECRET_KEY}`,
        'Content-Type': 'application/json',
      });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'invalid_json');
      await assertNothingWritten();
    });

    it('refuses a body that is not JSON with 415', async () => {
      const res = await t.raw('POST', `/v1/accounts/${accountId}/adjustments`, 'amount=1', {
        Authorization: `Bearer ${SECRET_KEY}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      });
      assert.equal(res.status, 415);
      assert.equal(res.body.error.code, 'unsupported_media_type');
      await assertNothingWritten();
    });
  });

  it('answers 404 for an unknown account', async () => {
    const res = await credit('1', 'k', 'r');
    assert.equal(res.status, 201);
    const missing = await adjust({ amount: { amount: '1', currency: 'USD' }, reason: 'r', idempotency_key: 'k' }, 'acc_nope');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'account_not_found');
  });

  it('answers 401 without the partner key, before looking at the body', async () => {
    const res = await t.partner('POST', `/v1/accounts/${accountId}/adjustments`, { nonsense: true }, null);
    assert.equal(res.status, 401);
    await assertNothingWritten();
  });
});
