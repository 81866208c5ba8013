// Test helper, run as its own process: appends debits through its own connection to a
// file-backed database, so that two of these race for real (see low-balance-alert.test.ts).
import { withinBalanceRange } from '../domain/ledger.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';

const [file = '', accountId = '', prefix = '', count = '0', amount = '0'] = process.argv.slice(2);
const amountMicros = BigInt(amount);
const store = openSqliteStore({ file, busyTimeoutMs: 30_000 });
// Start together with the other process: say ready, then wait for the go on stdin.
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.destroy();
for (let i = 0; i < Number(count); i++) {
  await store.appendLedgerEntry(
    {
      id: `le_${prefix}_${i}`,
      accountId,
      idempotencyKey: `${prefix}-${i}`,
      kind: 'message',
      amountMicros,
      description: 'Message',
      reference: null,
      createdAt: new Date('2025-01-15T10:00:00.000Z'),
    },
    withinBalanceRange,
  );
  // Let the other process in between two debits (SQLite's busy wait would otherwise let one run through).
  await new Promise((resolve) => setTimeout(resolve, 1));
}
await store.close();
