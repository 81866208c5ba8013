import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { withinBalanceRange } from '../../domain/ledger.js';
import { openSqliteStore } from './sqlite-store.js';

const AT = new Date('2025-01-15T10:00:00.000Z');

/** Debits from other processes, each with its own connection, released at once: a real race. */
async function raceDebits(file: string, accountId: string, runs: { prefix: string; count: number }[], amountMicros: bigint): Promise<void> {
  const script = fileURLToPath(new URL('../../test/debits-process.ts', import.meta.url));
  const children = runs.map(({ prefix, count }) =>
    spawn(process.execPath, ['--import', 'tsx', script, file, accountId, prefix, String(count), String(amountMicros)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const exits = children.map(
    (child) =>
      new Promise<void>((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`debits process exited with ${code}`))));
      }),
  );
  await Promise.all(children.map((child) => new Promise((resolve) => child.stdout?.once('data', resolve))));
  for (const child of children) child.stdin?.write('go\n');
  await Promise.all(exits);
}

describe('low-balance alert across connections', () => {
  it('fires exactly once per crossing when two processes debit one file-backed database at once', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wa-alert-')), 'wa.db');
    const store = openSqliteStore({ file });
    await store.createAccount({
      id: 'acc_1',
      name: 'Bakery',
      currency: 'USD',
      wabaId: '1',
      phoneNumberId: '1',
      displayPhoneNumber: null,
      verifiedName: null,
      businessPortfolioId: null,
      lowBalanceThresholdMicros: 50_000_000n,
      createdAt: AT,
    });
    const credit = (key: string, amountMicros: bigint) =>
      store.appendLedgerEntry(
        { id: `le_${key}`, accountId: 'acc_1', idempotencyKey: key, kind: 'adjustment', amountMicros, description: 'x', reference: null, createdAt: AT },
        withinBalanceRange,
      );
    await credit('c1', 100_000_000n);

    // 2 × 100 debits of 1.00 from 100.00: one crossing of 50.00, whichever thread makes it.
    await raceDebits(file, 'acc_1', [{ prefix: 'a', count: 100 }, { prefix: 'b', count: 100 }], -1_000_000n);
    let low = (await store.listHostEvents('acc_1')).filter((e) => e.type === 'balance.low');
    assert.equal(low.length, 1);
    assert.deepEqual(low[0]?.data.balance, { amount: '49.00', currency: 'USD' });
    assert.equal((await store.getAccount('acc_1'))?.balanceMicros, -100_000_000n);
    const order = (await store.listLedgerEntries('acc_1')).map((e) => e.id.split('_')[1]).join('');
    assert.ok((order.match(/ab|ba/g)?.length ?? 0) > 1, 'the two processes interleaved their debits');

    await credit('c2', 200_000_000n); // 100.00: re-armed
    await raceDebits(file, 'acc_1', [{ prefix: 'c', count: 30 }, { prefix: 'd', count: 30 }], -1_000_000n);
    low = (await store.listHostEvents('acc_1')).filter((e) => e.type === 'balance.low');
    assert.equal(low.length, 2);
    await store.close();
  });
});
