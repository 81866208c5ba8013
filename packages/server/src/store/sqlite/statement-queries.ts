import type Database from 'better-sqlite3';
import { answerLedgerRead, ledgerReader } from '../statement-store.js';
import type {
  LedgerFilter,
  LedgerReads,
  LedgerSnapshotRead,
  LedgerPageQuery,
  LedgerSeqRange,
  LedgerTotals,
  SequencedLedgerEntry,
  StatementStore,
} from '../statement-store.js';
import type { LedgerEntryRow } from './rows.js';
import { toLedgerEntry } from './rows.js';
import { transactionRunner, type TransactionRunner } from './transaction-runner.js';

/** Seq bound standing for "after every entry". */
const END_SEQ = Number.MAX_SAFE_INTEGER;

const COLUMNS = `seq, id, account_id, idempotency_key, type, kind, amount_micros, balance_after_micros,
  description, reference, details, created_at`;

type SequencedRow = LedgerEntryRow & { seq: bigint };

/**
 * {@link StatementStore} over better-sqlite3. Each query names its index (INDEXED BY) so that the
 * planner, which has no statistics, cannot trade a bounded range for a scan of the account.
 */
export class SqliteStatementQueries implements StatementStore {
  readonly #db: Database.Database;
  readonly #transaction: TransactionRunner;
  readonly #pages = new Map<string, Database.Statement<unknown[], SequencedRow>>();
  readonly #sums = new Map<string, Database.Statement<unknown[], { credits: bigint; debits: bigint }>>();
  readonly #statements;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#transaction = transactionRunner(db);
    this.#statements = {
      firstSeqAt: db
        .prepare<[string, number], bigint>(`SELECT seq FROM ledger_entries INDEXED BY ledger_entries_by_account_time
          WHERE account_id = ? AND created_at >= ? ORDER BY created_at, seq LIMIT 1`)
        .pluck()
        .safeIntegers(),
      balanceBefore: db
        .prepare<[string, number], bigint>(`SELECT balance_after_micros FROM ledger_entries INDEXED BY ledger_entries_by_account
          WHERE account_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1`)
        .pluck()
        .safeIntegers(),
      bySeq: db
        .prepare<[number, string], SequencedRow>(`SELECT ${COLUMNS} FROM ledger_entries WHERE seq = ? AND account_id = ?`)
        .safeIntegers(),
    };
  }

  async readLedgerSnapshot<T>(read: LedgerSnapshotRead<T>): Promise<T> {
    // DEFERRED: a read transaction, which in WAL mode takes its snapshot at the first read and
    // blocks no writer. The program runs to its end synchronously inside it.
    return this.#transaction.deferred((): T => {
      const program = read(ledgerReader);
      for (let next = program.next(); ; ) {
        if (next.done) return next.value;
        next = program.next(answerLedgerRead(this.#reader, next.value));
      }
    });
  }

  async ledgerSeqRange(accountId: string, from: Date | null, to: Date | null): Promise<LedgerSeqRange> {
    return this.#transaction.deferred(() => this.#reader.ledgerSeqRange(accountId, from, to));
  }

  async listLedgerPage(query: LedgerPageQuery): Promise<SequencedLedgerEntry[]> {
    return this.#reader.listLedgerPage(query);
  }

  async balanceBeforeSeq(accountId: string, seq: number): Promise<bigint> {
    return this.#reader.balanceBeforeSeq(accountId, seq);
  }

  async sumLedger(accountId: string, from: Date, to: Date, filter: LedgerFilter): Promise<LedgerTotals> {
    return this.#reader.sumLedger(accountId, from, to, filter);
  }

  readonly #reader: LedgerReads = {
    ledgerSeqRange: (accountId, from, to) => ({
      fromSeq: from === null ? 0 : this.#firstSeqAt(accountId, from),
      toSeq: to === null ? END_SEQ : this.#firstSeqAt(accountId, to),
    }),
    listLedgerPage: (query) => {
      const params: unknown[] = [query.accountId];
      if (query.type !== undefined) params.push(query.type);
      if (query.kind !== undefined) params.push(query.kind);
      params.push(query.range.fromSeq, query.range.toSeq, query.limit);
      return this.#pageStatement(query, query.order).all(...params).map(toSequenced);
    },
    balanceBeforeSeq: (accountId, seq) => this.#statements.balanceBefore.get(accountId, seq) ?? 0n,
    sumLedger: (accountId, from, to, filter) => {
      const params: unknown[] = [accountId, from.getTime(), to.getTime()];
      if (filter.type !== undefined) params.push(filter.type);
      if (filter.kind !== undefined) params.push(filter.kind);
      try {
        const row = this.#sumStatement(filter).get(...params);
        return { creditsMicros: row?.credits ?? 0n, debitsMicros: row?.debits ?? 0n };
      } catch (error) {
        if (!isIntegerOverflow(error)) throw error;
        return this.#sumInBigints(filter, params);
      }
    },
    getLedgerEntryBySeq: (accountId, seq) => {
      const row = this.#statements.bySeq.get(seq, accountId);
      return row ? toSequenced(row) : null;
    },
  };

  /** SQLite sums in 64 bits; a day of near-maximal amounts can overflow that, bigints cannot. */
  #sumInBigints(filter: LedgerFilter, params: unknown[]): LedgerTotals {
    const rows = this.#db
      .prepare<unknown[], { type: string; amount_micros: bigint }>(`SELECT type, amount_micros
        FROM ledger_entries INDEXED BY ledger_entries_by_account_time
        WHERE account_id = ? AND created_at >= ? AND created_at < ?${filterSql(filter)}`)
      .safeIntegers()
      .iterate(...params);
    let creditsMicros = 0n;
    let debitsMicros = 0n;
    for (const row of rows) {
      if (row.type === 'credit') creditsMicros += row.amount_micros;
      else debitsMicros += row.amount_micros;
    }
    return { creditsMicros, debitsMicros };
  }

  async getLedgerEntryBySeq(accountId: string, seq: number): Promise<SequencedLedgerEntry | null> {
    return this.#reader.getLedgerEntryBySeq(accountId, seq);
  }

  #firstSeqAt(accountId: string, at: Date): number {
    const seq = this.#statements.firstSeqAt.get(accountId, at.getTime());
    return seq === undefined ? END_SEQ : Number(seq);
  }

  #pageStatement(filter: LedgerFilter, order: 'asc' | 'desc') {
    const key = `${filter.type !== undefined}|${filter.kind !== undefined}|${order}`;
    let statement = this.#pages.get(key);
    if (!statement) {
      const index =
        filter.kind !== undefined
          ? 'ledger_entries_by_account_kind'
          : filter.type !== undefined
            ? 'ledger_entries_by_account_type'
            : 'ledger_entries_by_account';
      statement = this.#db
        .prepare<unknown[], SequencedRow>(`SELECT ${COLUMNS} FROM ledger_entries INDEXED BY ${index}
          WHERE account_id = ?${filterSql(filter)} AND seq >= ? AND seq < ?
          ORDER BY seq ${order === 'asc' ? 'ASC' : 'DESC'} LIMIT ?`)
        .safeIntegers();
      this.#pages.set(key, statement);
    }
    return statement;
  }

  #sumStatement(filter: LedgerFilter) {
    const key = `${filter.type !== undefined}|${filter.kind !== undefined}`;
    let statement = this.#sums.get(key);
    if (!statement) {
      statement = this.#db
        .prepare<unknown[], { credits: bigint; debits: bigint }>(`SELECT
            coalesce(sum(amount_micros) FILTER (WHERE type = 'credit'), 0) AS credits,
            coalesce(sum(amount_micros) FILTER (WHERE type = 'debit'), 0) AS debits
          FROM ledger_entries INDEXED BY ledger_entries_by_account_time
          WHERE account_id = ? AND created_at >= ? AND created_at < ?${filterSql(filter)}`)
        .safeIntegers();
      this.#sums.set(key, statement);
    }
    return statement;
  }
}

function isIntegerOverflow(error: unknown): boolean {
  return error instanceof Error && /integer overflow/i.test(error.message);
}

function filterSql(filter: LedgerFilter): string {
  return `${filter.type !== undefined ? ' AND type = ?' : ''}${filter.kind !== undefined ? ' AND kind = ?' : ''}`;
}

function toSequenced(row: SequencedRow): SequencedLedgerEntry {
  return { ...toLedgerEntry(row), seq: Number(row.seq) };
}
