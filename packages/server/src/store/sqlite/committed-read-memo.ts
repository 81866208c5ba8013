import type Database from 'better-sqlite3';
import { oncePer } from '../../per-turn.js';
import type { WriteCountedDatabase } from './write-counted-database.js';

/** How many reads the memo keeps at most; the oldest goes first. */
const DEFAULT_MAX_ENTRIES = 10_000;

/** The tag of memoized reads that hold any account (a portfolio's accounts): every account write forgets them. */
export const ANY_ACCOUNT = 'any-account';

/** The tags a write to an account's row or ledger forgets: the account's own reads, and those holding any account. */
export function accountWriteTags(accountId: string): string[] {
  return [`account:${accountId}`, ANY_ACCOUNT];
}

/** The tags of a write to tables no memoized read touches (leases, counters, outboxes). */
export const NOTHING_MEMOIZED: readonly string[] = [];

/**
 * Remembers the results of point reads (a session by its secret, an account, a runway sum) for as
 * long as nothing they depend on has been committed to the database since.
 *
 * Two counters tell that something was: the connection's write count ({@link countWrites}) moves
 * when this connection runs a statement that may write (a rollback or a write that changed nothing
 * moves it too, which only costs a miss), and `data_version` when another connection commits (a
 * worker thread, a maintenance tool, or a second process on the same file). The first is a number
 * in memory and is looked at before every hit, so this process's own writes are seen by its very
 * next read. The second takes SQLite's
 * shared WAL lock, which costs more than the read it would save, so it is asked once per event-loop
 * turn: another connection's commit is seen from the next turn on, a window shorter than any
 * request's own latency (the embedded database serves one instance; several instances share
 * PostgreSQL, which has no memo). Either forgets everything.
 *
 * Except for the writes of this connection that say what they change ({@link write}): each entry
 * carries tags (`account:<id>` for what an account's ledger moves), and such a write forgets only
 * the entries of its tags, none for a write to tables no memoized read touches (an event-stream
 * lease, a rate-limit hit, a webhook counter). Under a steady stream of charges the reads of other
 * accounts, and every session, stay in memory. A write that says nothing is counted by
 * the write count and forgets everything, as before: a forgotten announcement costs misses, never
 * a stale read.
 *
 * Reads inside a transaction bypass the memo: they must see the transaction's own rows and must
 * not leave them behind.
 *
 * Widget reads (`GET /v1/balance` and the others) are mostly this: the same few rows read again and
 * again by every widget of every open console between two writes.
 */
export class CommittedReadMemo {
  readonly #db: WriteCountedDatabase;
  readonly #dataVersion: Database.Statement<[], number>;
  readonly #maxEntries: number;
  readonly #values = new Map<string, { readonly value: unknown; readonly tags: readonly string[] }>();
  /** The keys of each tag's entries. */
  readonly #byTag = new Map<string, Set<string>>();
  #seenWriteCount = -1;
  #seenDataVersion = -1;
  readonly #dataVersionThisTurn: () => number;

  constructor(db: WriteCountedDatabase, maxEntries = DEFAULT_MAX_ENTRIES) {
    this.#db = db;
    this.#dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.#dataVersionThisTurn = oncePer('turn', () => this.#dataVersion.get()!);
    this.#maxEntries = maxEntries;
  }

  /**
   * `load()`'s result, from memory when nothing it depends on was committed since it was last
   * loaded. `tags` name what it depends on (its key alone by default). Keep results immutable.
   */
  read<T>(key: string, load: () => T, tags: readonly string[] = [key]): T {
    if (this.#db.inTransaction) return load();
    if (this.#changed()) this.#forgetAll();
    else {
      const entry = this.#values.get(key);
      if (entry) return entry.value as T;
    }
    const value = load();
    if (this.#values.size >= this.#maxEntries) this.#forget(this.#values.keys().next().value!);
    this.#values.set(key, { value, tags });
    for (const tag of tags) {
      let keys = this.#byTag.get(tag);
      if (!keys) this.#byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    return value;
  }

  /**
   * Runs `write`, a write of this connection (a transaction, or a statement outside one) that
   * changes nothing memoized but what `tags` name, and forgets those entries, thrown or not. Any
   * other write since the last read still forgets everything. The writing must happen inside the
   * call, as better-sqlite3's does: for an async function, before its first `await`.
   */
  write<T>(tags: readonly string[], write: () => T): T {
    if (this.#db.inTransaction) return write(); // the outer transaction's own write says what it changes
    if (this.#db.writeCount.value !== this.#seenWriteCount) this.#forgetAll();
    try {
      return write();
    } finally {
      this.#seenWriteCount = this.#db.writeCount.value;
      for (const tag of tags) for (const key of this.#byTag.get(tag) ?? []) this.#forget(key);
    }
  }

  #forget(key: string): void {
    const entry = this.#values.get(key);
    if (!entry) return;
    this.#values.delete(key);
    for (const tag of entry.tags) {
      const keys = this.#byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.#byTag.delete(tag);
    }
  }

  #forgetAll(): void {
    this.#values.clear();
    this.#byTag.clear();
  }

  #changed(): boolean {
    let changed = false;
    const writeCount = this.#db.writeCount.value;
    if (writeCount !== this.#seenWriteCount) {
      this.#seenWriteCount = writeCount;
      changed = true;
    }
    const dataVersion = this.#dataVersionThisTurn();
    if (dataVersion !== this.#seenDataVersion) {
      this.#seenDataVersion = dataVersion;
      changed = true;
    }
    return changed;
  }
}
