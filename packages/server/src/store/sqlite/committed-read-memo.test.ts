import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { CommittedReadMemo } from './committed-read-memo.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('CommittedReadMemo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wa-memo-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function open(file: string) {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v INTEGER)');
    return db;
  }

  it('answers from memory until this connection writes, and sees the write at once', () => {
    const db = open(join(dir, 'own.db'));
    db.prepare("INSERT INTO t VALUES ('a', 1)").run();
    const memo = new CommittedReadMemo(db);
    let loads = 0;
    const read = () => memo.read('a', () => (loads++, db.prepare<[], number>("SELECT v FROM t WHERE k = 'a'").pluck().get()));
    assert.equal(read(), 1);
    assert.equal(read(), 1);
    assert.equal(loads, 1);
    db.prepare("UPDATE t SET v = 2 WHERE k = 'a'").run();
    assert.equal(read(), 2, 'the very next read, in the same turn');
    // A write to another row forgets everything too: the memo knows no dependencies.
    db.prepare("INSERT INTO t VALUES ('b', 1)").run();
    assert.equal(read(), 2);
    assert.equal(loads, 3);
    db.close();
  });

  it("sees another connection's commit from the next turn on", async () => {
    const file = join(dir, 'other.db');
    const db = open(file);
    const other = open(file);
    db.prepare("INSERT INTO t VALUES ('a', 1)").run();
    const memo = new CommittedReadMemo(db);
    const read = () => memo.read('a', () => db.prepare<[], number>("SELECT v FROM t WHERE k = 'a'").pluck().get());
    assert.equal(read(), 1);
    await nextTurn();
    other.prepare("UPDATE t SET v = 7 WHERE k = 'a'").run();
    await nextTurn();
    assert.equal(read(), 7);
    other.close();
    db.close();
  });

  it('neither answers nor remembers inside a transaction, so a rollback leaves nothing behind', () => {
    const db = open(join(dir, 'rollback.db'));
    db.prepare("INSERT INTO t VALUES ('a', 1)").run();
    const memo = new CommittedReadMemo(db);
    const read = () => memo.read('a', () => db.prepare<[], number>("SELECT v FROM t WHERE k = 'a'").pluck().get());
    assert.equal(read(), 1);
    assert.throws(
      db.transaction(() => {
        db.prepare("UPDATE t SET v = 99 WHERE k = 'a'").run();
        assert.equal(read(), 99, 'the transaction sees its own write');
        throw new Error('roll back');
      }),
    );
    assert.equal(read(), 1);
    db.close();
  });

  it('keeps at most its bound of entries', () => {
    const db = open(join(dir, 'bound.db'));
    const memo = new CommittedReadMemo(db, 2);
    let loads = 0;
    const read = (key: string) => memo.read(key, () => (loads++, key));
    read('a');
    read('b');
    read('c');
    assert.equal(loads, 3);
    read('c');
    read('b');
    assert.equal(loads, 3);
    read('a');
    assert.equal(loads, 4, 'the oldest entry went first');
    db.close();
  });
});
