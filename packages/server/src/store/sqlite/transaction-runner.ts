import type Database from 'better-sqlite3';

/**
 * Runs a callback in a transaction of `db` (a savepoint inside another one), through one
 * better-sqlite3 transaction wrapper built once: building a wrapper per call, around a closure of
 * that call's arguments, cost a widget read about 6 µs. `deferred` (the default) takes its snapshot
 * at the first read and blocks no writer; `immediate` takes the write lock at once.
 */
export interface TransactionRunner {
  deferred<T>(work: () => T): T;
  immediate<T>(work: () => T): T;
}

export function transactionRunner(db: Database.Database): TransactionRunner {
  const run = db.transaction((work: () => unknown) => work());
  return {
    deferred: <T>(work: () => T) => run.deferred(work) as T,
    immediate: <T>(work: () => T) => run.immediate(work) as T,
  };
}
