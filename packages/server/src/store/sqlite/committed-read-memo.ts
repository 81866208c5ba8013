import type Database from 'better-sqlite3';

/** How many reads the memo keeps at most; the oldest goes first. */
const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * Remembers the results of point reads (a session by its secret, an account, a runway sum) for as
 * long as nothing has been committed to the database since, and forgets everything at the first
 * change.
 *
 * Two counters tell: `total_changes()` moves when this connection writes (rows written by triggers
 * included; a rollback moves it too, which only costs a miss), and `data_version` when another
 * connection commits (a worker thread, a maintenance tool, or a second process on the same file).
 * The first is a read of the connection's memory and is asked before every hit, so this process's
 * own writes are seen by its very next read. The second takes SQLite's shared WAL lock, which costs
 * more than the read it would save, so it is asked once per event-loop turn: another connection's
 * commit is seen from the next turn on, a window shorter than any request's own latency (the
 * embedded database serves one instance; several instances share PostgreSQL, which has no memo).
 * Reads inside a transaction bypass the memo: they must see the transaction's own rows and must
 * not leave them behind.
 *
 * Widget reads (`GET /v1/balance` and the others) are mostly this: the same few rows read again and
 * again by every widget of every open console between two writes.
 */
export class CommittedReadMemo {
  readonly #db: Database.Database;
  readonly #totalChanges: Database.Statement<[], number>;
  readonly #dataVersion: Database.Statement<[], number>;
  readonly #maxEntries: number;
  readonly #values = new Map<string, unknown>();
  #seenTotalChanges = -1;
  #seenDataVersion = -1;
  #dataVersionAskedThisTurn = false;
  readonly #nextTurn = () => {
    this.#dataVersionAskedThisTurn = false;
  };

  constructor(db: Database.Database, maxEntries = DEFAULT_MAX_ENTRIES) {
    this.#db = db;
    this.#totalChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
    this.#dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.#maxEntries = maxEntries;
  }

  /** `load()`'s result, from memory when nothing was committed since it was last loaded. Keep results immutable. */
  read<T>(key: string, load: () => T): T {
    if (this.#db.inTransaction) return load();
    if (this.#changed()) this.#values.clear();
    else if (this.#values.has(key)) return this.#values.get(key) as T;
    const value = load();
    if (this.#values.size >= this.#maxEntries) this.#values.delete(this.#values.keys().next().value!);
    this.#values.set(key, value);
    return value;
  }

  #changed(): boolean {
    let changed = false;
    const totalChanges = this.#totalChanges.get()!;
    if (totalChanges !== this.#seenTotalChanges) {
      this.#seenTotalChanges = totalChanges;
      changed = true;
    }
    if (!this.#dataVersionAskedThisTurn) {
      this.#dataVersionAskedThisTurn = true;
      setImmediate(this.#nextTurn).unref();
      const dataVersion = this.#dataVersion.get()!;
      if (dataVersion !== this.#seenDataVersion) {
        this.#seenDataVersion = dataVersion;
        changed = true;
      }
    }
    return changed;
  }
}
