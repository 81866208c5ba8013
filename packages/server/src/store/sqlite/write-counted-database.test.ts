import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { countWrites } from './write-counted-database.js';

describe('countWrites', () => {
  it('counts every call of a statement that may write, and no read', () => {
    const db = countWrites(new Database(':memory:'));
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
    const after = (run: () => unknown) => {
      const before = db.writeCount.value;
      run();
      return db.writeCount.value - before;
    };
    const insert = db.prepare<[string, number]>('INSERT INTO t VALUES (?, ?)');
    assert.equal(after(() => insert.run('a', 1)), 1);
    assert.equal(after(() => db.prepare('INSERT INTO t VALUES (?, ?) RETURNING k').pluck().get('b', 2)), 1, 'a write read back through get()');
    assert.equal(after(() => db.prepare('UPDATE t SET v = v + 1 RETURNING v').all()), 1);
    assert.equal(after(() => [...db.prepare('DELETE FROM t WHERE k = ? RETURNING k').iterate('b')]), 1);
    assert.equal(after(() => assert.throws(() => insert.run('a', 9))), 1, 'a write that failed still counts');
    assert.equal(after(() => db.exec("INSERT INTO t VALUES ('c', 3)")), 1);
    assert.equal(after(() => db.pragma('user_version = 7')), 1);
    assert.equal(
      after(() => {
        db.prepare('SELECT v FROM t WHERE k = ?').get('a');
        db.prepare('SELECT count(*) FROM t').pluck().all();
        db.prepare('PRAGMA data_version').pluck().get();
      }),
      0,
      'reads are not counted',
    );
    assert.deepEqual(db.prepare('SELECT k, v FROM t ORDER BY k').all(), [
      { k: 'a', v: 2 },
      { k: 'c', v: 3 },
    ]);
    db.close();
  });

  it('counts the writes of a transaction, statement by statement', () => {
    const db = countWrites(new Database(':memory:'));
    db.exec('CREATE TABLE t (k INTEGER)');
    const insert = db.prepare<[number]>('INSERT INTO t VALUES (?)');
    const before = db.writeCount.value;
    db.transaction(() => {
      insert.run(1);
      insert.run(2);
    })();
    assert.equal(db.writeCount.value - before, 2);
    db.close();
  });
});
