import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { CommittedReadMemo } from './committed-read-memo.js';
import { countWrites } from './write-counted-database.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('CommittedReadMemo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wa-memo-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function open(file: string) {
    const db = countWrites(new Database(file));
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
    // A write that does not say what it changes (see `write`) forgets everything.
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

  it('forgets on a write that says what it changes only the entries of its tags, and everything after one that does not', () => {
    const db = open(join(dir, 'tags.db'));
    db.prepare("INSERT INTO t VALUES ('a', 1), ('b', 1)").run();
    const memo = new CommittedReadMemo(db);
    const loads: string[] = [];
    const read = (key: string) =>
      memo.read(`row:${key}`, () => (loads.push(key), db.prepare<[string], number>('SELECT v FROM t WHERE k = ?').pluck().get(key)), [`tag:${key}`, 'any']);
    read('a');
    read('b');
    memo.write(['tag:a'], () => db.prepare("UPDATE t SET v = 2 WHERE k = 'a'").run());
    assert.equal(read('a'), 2);
    assert.equal(read('b'), 1);
    assert.deepEqual(loads, ['a', 'b', 'a'], 'b stayed in memory');
    memo.write([], () => db.prepare("INSERT INTO t VALUES ('c', 0)").run());
    read('a');
    read('b');
    assert.equal(loads.length, 3, 'a write of nothing memoized forgets nothing');
    memo.write(['any'], () => db.prepare("INSERT INTO t VALUES ('d', 0)").run());
    read('a');
    read('b');
    assert.deepEqual(loads.slice(3), ['a', 'b'], 'a tag shared by both forgets both');

    // A write that says nothing, then one that says what it changes: the first still forgets everything.
    db.prepare("UPDATE t SET v = 3 WHERE k = 'b'").run();
    memo.write([], () => db.prepare("INSERT INTO t VALUES ('e', 0)").run());
    assert.equal(read('b'), 3);
    assert.throws(() => memo.write(['tag:a'], () => db.prepare("INSERT INTO t VALUES ('a', 9)").run()), /UNIQUE/);
    assert.equal(read('a'), 2, 'a failed write forgets its tags all the same');
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
