import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore } from './sqlite-store.js';
import { startWalCheckpointer } from './wal-checkpointer.js';
import { eventually } from '../../test/eventually.js';

const dir = mkdtempSync(join(tmpdir(), 'wa-checkpointer-'));
after(() => rmSync(dir, { recursive: true, force: true }));


describe('background WAL checkpoints', () => {
  it('copies committed pages into the database file while the writer never checkpoints', async () => {
    const file = join(dir, 'copy.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (v TEXT)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run('x'.repeat(200));
    })();
    const before = statSync(file).size;
    const failures: unknown[] = [];
    const checkpointer = startWalCheckpointer(file, (error) => failures.push(error), 10);
    await eventually(() => statSync(file).size > before + 300_000, 'the database file to grow by the checkpointed pages');
    await checkpointer.stop();
    db.close();
    assert.deepEqual(failures, []);
  });

  it('tells the caller when its worker cannot run', async () => {
    const failures: unknown[] = [];
    const checkpointer = startWalCheckpointer(join(dir, 'missing', 'nothing.db'), (error) => failures.push(error), 10);
    await eventually(() => failures.length === 1, 'the failure to be reported');
    await checkpointer.stop();
  });

  it('leaves no WAL behind once the store is closed', async () => {
    const file = join(dir, 'store.db');
    const store = openSqliteStore({ file });
    await store.ping();
    await store.close();
    assert.equal(existsSync(`${file}-wal`), false);
  });
});
