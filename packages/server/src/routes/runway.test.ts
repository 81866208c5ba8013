import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { LedgerKind } from '../domain/ledger.js';
import { withinBalanceRange } from '../domain/ledger.js';
import type { TestApp } from '../test/harness.js';
import { createTestApp } from '../test/harness.js';

const DAY = 86_400_000;

describe('GET /v1/balance runway', () => {
  let t: TestApp;
  let accountId: string;
  let seq = 0;
  const start = new Date('2025-01-15T10:00:00.000Z').getTime();

  async function append(kind: LedgerKind, amountMicros: bigint, at: number): Promise<void> {
    const key = `k-${seq++}`;
    await t.store.appendLedgerEntry(
      { id: `le_${key}`, accountId, idempotencyKey: key, kind, amountMicros, description: kind, reference: null, createdAt: new Date(at) },
      withinBalanceRange,
    );
  }
  const runway = async () => (await t.widget(await t.mintSession(accountId), 'GET', '/v1/balance')).body.runway;

  beforeEach(async () => {
    t = createTestApp();
    accountId = (await t.openAccount()).id;
    await append('adjustment', 100_000_000n, start);
  });
  afterEach(() => t.close());

  it('is null days and zero spend without message spend', async () => {
    assert.deepEqual(await runway(), { days: null, average_daily_spend: { amount: '0.00', currency: 'USD' }, basis_days: 7 });
  });

  it('averages the message debits of the last 7 days, ignoring adjustments, credits and older spend', async () => {
    await append('message', -3_000_000n, start + 1 * DAY);
    await append('message', -2_000_000n, start + 7 * DAY); // just outside the window
    await append('message', -4_000_000n, start + 7 * DAY + 1); // the window's first instant
    await append('message', -7_000_000n, start + 10 * DAY);
    await append('adjustment', -20_000_000n, start + 10 * DAY);
    await append('topup', 5_000_000n, start + 10 * DAY);
    t.clock.set(new Date(start + 14 * DAY));
    // Balance 100 − 3 − 2 − 4 − 7 − 20 + 5 = 69.00; spend 11.00 over 7 days → 1.571428/day → 43 days.
    assert.deepEqual(await runway(), { days: 43, average_daily_spend: { amount: '1.571428', currency: 'USD' }, basis_days: 7 });
  });

  it('counts spend made at this very instant, and reports 0 days once the balance is spent', async () => {
    await append('message', -100_000_000n, start);
    await append('message', -1_000_000n, start);
    assert.equal((await runway()).days, 0);
  });
});
