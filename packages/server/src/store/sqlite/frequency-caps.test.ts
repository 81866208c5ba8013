import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { openAccount } from '../../domain/accounts.js';
import { systemClock } from '../../domain/clock.js';
import { checkMarketingSend, setFrequencyCap } from '../../domain/frequency-cap.js';
import type { Store } from '../store.js';
import { openSqliteStore } from './sqlite-store.js';

// Node 20 does not apply `--import tsx` to a worker's entry module: register tsx, then import it.
const TS_WORKER = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./frequency-caps.worker.ts', import.meta.url).href)}); })`;

describe('SQLite frequency cap across connections', () => {
  let dir: string;
  let file: string;
  let store: Store;
  let accountId: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wa-caps-'));
    file = join(dir, 'caps.db');
    store = openSqliteStore({ file });
    const account = await openAccount(store, systemClock, { name: 'Caps', currency: 'USD', wabaId: '1', phoneNumberId: '2' });
    accountId = account.id;
    await setFrequencyCap(store, systemClock, accountId, { enabled: true, maxMessages: 1, windowHours: 24 });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('admits exactly one send when four threads with their own connections race under a cap of 1', async () => {
    const workers = Array.from(
      { length: 4 },
      () => new Worker(TS_WORKER, { eval: true, workerData: { file, accountId, checks: 25 } }),
    );
    await Promise.all(
      workers.map((worker) => new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject))),
    );
    const results = workers.map((worker) => new Promise<number>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    }));
    for (const worker of workers) worker.postMessage('go');
    const allowed = await Promise.all(results);
    assert.equal(allowed.reduce((sum, n) => sum + n, 0), 1);

    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT count(*) FROM marketing_sends WHERE account_id = ?').pluck().get(accountId);
    db.close();
    assert.equal(rows, 1);
    assert.equal((await checkMarketingSend(store, systemClock, accountId, '14155550100')).allowed, false);
  });
});
