import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { noOverdraft } from '../domain/ledger.js';
import { newHostEvent } from '../domain/host-events/host-event.js';
import type { TestApp } from '../test/harness.js';
import { createTestApp } from '../test/harness.js';

describe('low-balance alert (balance.low host event)', () => {
  let t: TestApp;
  let accountId: string;
  let secret: string;
  let seq = 0;
  const adjust = (amount: string) =>
    t.partner('POST', `/v1/accounts/${accountId}/adjustments`, {
      amount: { amount, currency: 'USD' },
      reason: 'test',
      idempotency_key: `k-${seq++}`,
    });
  const lowEvents = async () => (await t.store.listHostEvents(accountId)).filter((e) => e.type === 'balance.low');
  const setThreshold = (amount: string | null) =>
    t.widget(secret, 'PUT', '/v1/alerts/low-balance', { threshold: amount === null ? null : { amount, currency: 'USD' } });

  beforeEach(async () => {
    t = createTestApp();
    accountId = (await t.openAccount({ low_balance_threshold: { amount: '5.00', currency: 'USD' } })).id;
    secret = await t.mintSession(accountId, ['alerts:write']);
    await adjust('10.00');
  });
  afterEach(() => t.close());

  it('fires exactly once when concurrent debits cross the threshold, then re-arms on a credit above it', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => adjust('-0.50')));
    assert.ok(results.every((res) => res.status === 201));
    const [first, ...others] = await lowEvents();
    assert.equal(others.length, 0);
    // 10.00 − 11 × 0.50 = 4.50 is the first balance below 5.00.
    const crossing = (await t.store.listLedgerEntries(accountId)).find((e) => e.balanceAfterMicros === 4_500_000n);
    assert.deepEqual(first?.data, {
      balance: { amount: '4.50', currency: 'USD' },
      threshold: { amount: '5.00', currency: 'USD' },
      ledger_entry_id: crossing?.id ?? 'missing',
    });
    assert.equal(first?.accountId, accountId);

    await adjust('4.99'); // 4.99: still below, still disarmed
    assert.equal((await lowEvents()).length, 1);
    await adjust('0.01'); // exactly 5.00: re-armed
    await Promise.all(Array.from({ length: 5 }, () => adjust('-1.00')));
    assert.equal((await lowEvents()).length, 2);
  });

  it('does not fire for a debit that stays at or above the threshold, nor for a refused one', async () => {
    assert.equal((await adjust('-5.00')).status, 201);
    assert.equal((await adjust('-6.00')).status, 409);
    assert.equal((await lowEvents()).length, 0);
  });

  it('fires at once when a threshold is set above the balance, not again while the account stays low', async () => {
    const res = await setThreshold('20.00');
    assert.equal(res.body.is_low, true);
    const [event, ...others] = await lowEvents();
    assert.equal(others.length, 0);
    assert.deepEqual(event?.data, {
      balance: { amount: '10.00', currency: 'USD' },
      threshold: { amount: '20.00', currency: 'USD' },
      ledger_entry_id: null,
    });
    await setThreshold('30.00');
    await setThreshold('30.00');
    await adjust('-1.00');
    assert.equal((await lowEvents()).length, 1);
  });

  it('re-arms when the threshold is lowered below the balance or cleared', async () => {
    await setThreshold('20.00');
    await setThreshold('1.00');
    await setThreshold('20.00');
    assert.equal((await lowEvents()).length, 2);
    await setThreshold(null);
    await setThreshold('15.00');
    assert.equal((await lowEvents()).length, 3);
  });

  it('enqueues the events an append asks for in its transaction, and none for a refused or replayed append', async () => {
    const entry = (key: string, amountMicros: bigint) => ({
      id: `le_${key}`,
      accountId,
      idempotencyKey: key,
      kind: 'topup' as const,
      amountMicros,
      description: 'Top-up',
      reference: null,
      createdAt: t.clock.now(),
    });
    const hostEvents = () => [newHostEvent('topup.succeeded', accountId, { topup_id: 'tu_1' }, t.clock.now())];
    await t.store.appendLedgerEntry(entry('topup-1', 1_000_000n), noOverdraft, { hostEvents });
    await t.store.appendLedgerEntry(entry('topup-1', 1_000_000n), noOverdraft, { hostEvents });
    await assert.rejects(t.store.appendLedgerEntry(entry('topup-2', -100_000_000n), noOverdraft, { hostEvents }));
    const failing = () => {
      throw new Error('boom');
    };
    await assert.rejects(t.store.appendLedgerEntry(entry('topup-3', 1_000_000n), noOverdraft, { hostEvents: failing }));
    const topups = (await t.store.listHostEvents(accountId)).filter((e) => e.type === 'topup.succeeded');
    assert.deepEqual(topups.map((e) => e.data), [{ topup_id: 'tu_1' }]);
    assert.equal((await t.store.listLedgerEntries(accountId)).length, 2, 'the entry whose events failed was rolled back');
  });
});
