import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { balanceLowEvent, evaluateLowBalanceAlert } from './low-balance.js';

describe('evaluateLowBalanceAlert', () => {
  it('fires and disarms when an armed account is below its threshold', () => {
    assert.deepEqual(evaluateLowBalanceAlert({ thresholdMicros: 10n, balanceMicros: 9n, armed: true }), { armed: false, fire: true });
  });

  it('stays quiet while the account is below and already disarmed', () => {
    assert.deepEqual(evaluateLowBalanceAlert({ thresholdMicros: 10n, balanceMicros: 1n, armed: false }), { armed: false, fire: false });
  });

  it('re-arms at exactly the threshold and above', () => {
    assert.deepEqual(evaluateLowBalanceAlert({ thresholdMicros: 10n, balanceMicros: 10n, armed: false }), { armed: true, fire: false });
    assert.deepEqual(evaluateLowBalanceAlert({ thresholdMicros: 10n, balanceMicros: 11n, armed: true }), { armed: true, fire: false });
  });

  it('is armed and silent without a threshold', () => {
    assert.deepEqual(evaluateLowBalanceAlert({ thresholdMicros: null, balanceMicros: -5n, armed: false }), { armed: true, fire: false });
  });
});

describe('balanceLowEvent', () => {
  it('carries the balance, the threshold and the entry in wire form', () => {
    const event = balanceLowEvent({
      accountId: 'acc_1',
      currency: 'USD',
      balanceMicros: 4_990_000n,
      thresholdMicros: 5_000_000n,
      ledgerEntryId: 'le_1',
      at: new Date('2025-01-15T10:00:00.000Z'),
    });
    assert.match(event.id, /^evt_/);
    assert.equal(event.type, 'balance.low');
    assert.deepEqual(event.data, {
      balance: { amount: '4.99', currency: 'USD' },
      threshold: { amount: '5.00', currency: 'USD' },
      ledger_entry_id: 'le_1',
    });
  });
});
