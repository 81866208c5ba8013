import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { LedgerKind } from '../domain/ledger.js';
import { withinBalanceRange } from '../domain/ledger.js';
import type { TestApp } from '../test/harness.js';
import { createTestApp } from '../test/harness.js';

const DAY = 86_400_000;

/** Micro-units as the API writes them (at least two fraction digits). */
function formatMicros(micros: bigint): string {
  const whole = micros / 1_000_000n;
  const fraction = String(micros % 1_000_000n).padStart(6, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${whole}.${fraction}`;
}

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

  it('averages the message debits of the last 7 UTC days, today included, ignoring adjustments, credits and older spend', async () => {
    const now = Date.parse('2025-01-29T10:00:00.000Z');
    const windowStart = Date.parse('2025-01-23T00:00:00.000Z'); // six whole days before today
    await append('message', -3_000_000n, start + 1 * DAY);
    await append('message', -2_000_000n, windowStart - 1); // just outside the window
    await append('message', -4_000_000n, windowStart); // the window's first instant
    await append('message', -7_000_000n, start + 10 * DAY);
    await append('adjustment', -20_000_000n, start + 10 * DAY);
    await append('topup', 5_000_000n, start + 10 * DAY);
    t.clock.set(new Date(now));
    // Balance 100 − 3 − 2 − 4 − 7 − 20 + 5 = 69.00; spend 11.00 over 7 days → 1.571428/day → 43 days.
    assert.deepEqual(await runway(), { days: 43, average_daily_spend: { amount: '1.571428', currency: 'USD' }, basis_days: 7 });
  });

  it('reads the same spend from the daily roll-up as from the entries, across many days and entries', async () => {
    let expected = 0n;
    const now = start + 20 * DAY;
    for (let i = 0; i < 300; i++) {
      const at = start + i * (DAY / 10) + (i % 7) * 1_000;
      const amount = -BigInt(1_000 + ((i * 7_919) % 50_000));
      await append('message', amount, at);
      const day = Math.floor(at / DAY);
      const today = Math.floor(now / DAY);
      if (day >= today - 6 && day <= today) expected -= amount;
    }
    t.clock.set(new Date(now));
    const spend = (await runway()).average_daily_spend.amount;
    assert.equal(spend, formatMicros(expected / 7n));
  });

  it('counts spend made at this very instant, and reports 0 days once the balance is spent', async () => {
    await append('message', -100_000_000n, start);
    await append('message', -1_000_000n, start);
    assert.equal((await runway()).days, 0);
  });
});
