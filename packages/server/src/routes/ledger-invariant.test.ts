import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatAmount } from '../domain/money.js';
import type { TestApp } from '../test/harness.js';
import { createTestApp } from '../test/harness.js';
import { seededRandom } from '../test/prng.js';

describe('ledger invariant under a random sequence of adjustments', () => {
  const SEED = 20250115;
  const OPERATIONS = 500;
  let t: TestApp;
  const accounts: { id: string; secret: string; expectedMicros: bigint }[] = [];
  const sent: { accountId: string; key: string; body: unknown; micros: bigint }[] = [];
  const outcomes = { created: 0, replayed: 0, conflicts: 0, insufficient: 0 };

  before(async () => {
    t = createTestApp();
    const random = seededRandom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    for (let i = 0; i < 4; i++) {
      const { id } = await t.openAccount();
      accounts.push({ id, secret: await t.mintSession(id), expectedMicros: 0n });
    }

    for (let op = 0; op < OPERATIONS; op++) {
      const roll = random();
      if (roll < 0.2 && sent.length > 0) {
        const previous = pick(sent);
        const res = await t.partner('POST', `/v1/accounts/${previous.accountId}/adjustments`, previous.body);
        assert.equal(res.status, 200, `replay ${op}`);
        assert.equal(res.headers.get('Idempotent-Replayed'), 'true');
        outcomes.replayed++;
        continue;
      }
      if (roll < 0.25 && sent.length > 0) {
        const previous = pick(sent);
        const altered = { ...(previous.body as object), reason: `altered ${op}` };
        const res = await t.partner('POST', `/v1/accounts/${previous.accountId}/adjustments`, altered);
        assert.equal(res.status, 409, `conflict ${op}`);
        outcomes.conflicts++;
        continue;
      }
      const account = pick(accounts);
      // Amounts down to the micro-unit, debits a bit less likely than credits so balances wander.
      const magnitude = BigInt(Math.floor(random() * 50_000_000)) + 1n;
      const micros = random() < 0.45 ? -magnitude : magnitude;
      const key = `op-${op}`;
      const body = { amount: { amount: formatAmount(micros), currency: 'USD' }, reason: `operation ${op}`, idempotency_key: key };
      const res = await t.partner('POST', `/v1/accounts/${account.id}/adjustments`, body);
      if (account.expectedMicros + micros < 0n) {
        assert.equal(res.status, 409, `overdraft ${op}`);
        assert.equal(res.body.error.code, 'insufficient_balance');
        outcomes.insufficient++;
        continue;
      }
      assert.equal(res.status, 201, `operation ${op}: ${JSON.stringify(res.body)}`);
      account.expectedMicros += micros;
      sent.push({ accountId: account.id, key, body, micros });
      outcomes.created++;
    }
  });
  after(() => t.close());

  it('exercised credits, debits, replays, conflicts and refused overdrafts', () => {
    assert.equal(outcomes.created + outcomes.replayed + outcomes.conflicts + outcomes.insufficient, OPERATIONS);
    for (const [name, count] of Object.entries(outcomes)) assert.ok(count > 10, `${name}: ${count}`);
  });

  it('keeps every balance equal to the sum of its entries', async () => {
    for (const account of accounts) {
      const entries = await t.store.listLedgerEntries(account.id);
      const sum = entries.reduce((total, entry) => total + entry.amountMicros, 0n);
      const stored = await t.store.getAccount(account.id);
      assert.equal(stored?.balanceMicros, sum);
      assert.equal(sum, account.expectedMicros);
      const seen = await t.widget(account.secret, 'GET', '/v1/balance');
      assert.deepEqual(seen.body.balance, { amount: formatAmount(sum), currency: 'USD' });
    }
  });

  it("gives each entry a balance_after equal to the running sum, never negative", async () => {
    for (const account of accounts) {
      let running = 0n;
      for (const entry of await t.store.listLedgerEntries(account.id)) {
        running += entry.amountMicros;
        assert.equal(entry.balanceAfterMicros, running, entry.id);
        assert.ok(running >= 0n);
        assert.equal(entry.type, entry.amountMicros < 0n ? 'debit' : 'credit');
      }
    }
  });

  it('wrote exactly one entry per accepted idempotency key', async () => {
    let total = 0;
    for (const account of accounts) {
      const entries = await t.store.listLedgerEntries(account.id);
      assert.equal(new Set(entries.map((entry) => entry.idempotencyKey)).size, entries.length);
      total += entries.length;
    }
    assert.equal(total, sent.length);
  });
});
