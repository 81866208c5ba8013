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
import type { LedgerEntryRow } from '../sqlite/rows.js';
import { toLedgerEntry } from '../sqlite/rows.js';
import type { Db, Tx } from './db.js';

/** Seq bound standing for "after every entry". */
const END_SEQ = Number.MAX_SAFE_INTEGER;

type SequencedRow = LedgerEntryRow & { seq: bigint };

/** The statement's reads on one connection (the pool, or a snapshot's transaction). */
type AsyncLedgerReads = { [K in keyof LedgerReads]: (...args: Parameters<LedgerReads[K]>) => Promise<ReturnType<LedgerReads[K]>> };

/** {@link StatementStore} over PostgreSQL; sums are `numeric`, so a day of huge amounts cannot overflow. */
export class PgStatementQueries implements StatementStore {
  readonly #sql: () => Promise<Db>;

  constructor(sql: () => Promise<Db>) {
    this.#sql = sql;
  }

  async readLedgerSnapshot<T>(read: LedgerSnapshotRead<T>): Promise<T> {
    const sql = await this.#sql();
    // REPEATABLE READ: every read of the transaction sees the snapshot its first read took, whatever
    // commits meanwhile; READ ONLY: it can never fail to serialize, so it is never retried.
    return sql.begin('ISOLATION LEVEL REPEATABLE READ READ ONLY', async (tx) => {
      const reads = ledgerReads(tx);
      const program = read(ledgerReader);
      for (let next = program.next(); ; ) {
        if (next.done) return next.value;
        next = program.next(await answerLedgerRead(reads, next.value));
      }
    }) as Promise<T>;
  }

  async ledgerSeqRange(accountId: string, from: Date | null, to: Date | null): Promise<LedgerSeqRange> {
    const sql = await this.#sql();
    // One read-only transaction: both bounds from the same snapshot.
    return sql.begin('ISOLATION LEVEL REPEATABLE READ READ ONLY', (tx) => ledgerReads(tx).ledgerSeqRange(accountId, from, to)) as Promise<LedgerSeqRange>;
  }

  async listLedgerPage(query: LedgerPageQuery): Promise<SequencedLedgerEntry[]> {
    return ledgerReads(await this.#sql()).listLedgerPage(query);
  }

  async balanceBeforeSeq(accountId: string, seq: number): Promise<bigint> {
    return ledgerReads(await this.#sql()).balanceBeforeSeq(accountId, seq);
  }

  async sumLedger(accountId: string, from: Date, to: Date, filter: LedgerFilter): Promise<LedgerTotals> {
    return ledgerReads(await this.#sql()).sumLedger(accountId, from, to, filter);
  }

  async getLedgerEntryBySeq(accountId: string, seq: number): Promise<SequencedLedgerEntry | null> {
    return ledgerReads(await this.#sql()).getLedgerEntryBySeq(accountId, seq);
  }
}

function ledgerReads(connection: Db | Tx): AsyncLedgerReads {
  // A transaction's tagged template is the pool's, bound to its connection.
  const sql = connection as Db;
  const firstSeqAt = async (accountId: string, at: Date) => {
    const [row] = await sql<{ seq: bigint }[]>`SELECT seq FROM ledger_entries
      WHERE account_id = ${accountId} AND created_at >= ${at.getTime()} ORDER BY created_at, seq LIMIT 1`;
    return row ? Number(row.seq) : END_SEQ;
  };
  return {
    ledgerSeqRange: async (accountId, from, to) => ({
      fromSeq: from === null ? 0 : await firstSeqAt(accountId, from),
      toSeq: to === null ? END_SEQ : await firstSeqAt(accountId, to),
    }),
    listLedgerPage: async (query) => {
      const rows = await sql<SequencedRow[]>`SELECT * FROM ledger_entries
        WHERE account_id = ${query.accountId}
          ${query.type !== undefined ? sql`AND type = ${query.type}` : sql``}
          ${query.kind !== undefined ? sql`AND kind = ${query.kind}` : sql``}
          AND seq >= ${query.range.fromSeq} AND seq < ${query.range.toSeq}
        ORDER BY seq ${query.order === 'asc' ? sql`ASC` : sql`DESC`} LIMIT ${query.limit}`;
      return rows.map(toSequenced);
    },
    balanceBeforeSeq: async (accountId, seq) => {
      const [row] = await sql<{ balance_after_micros: bigint }[]>`SELECT balance_after_micros FROM ledger_entries
        WHERE account_id = ${accountId} AND seq < ${seq} ORDER BY seq DESC LIMIT 1`;
      return row?.balance_after_micros ?? 0n;
    },
    sumLedger: async (accountId, from, to, filter) => {
      // The ORDER BY is for the planner: only ledger_entries_by_account_time yields the period's
      // entries in that order, so it wins even on a ledger never analyzed, where the costs tie and a
      // plan through another (account_id, …) index read every entry of the account, not the period's.
      // (SQLite pins the index with INDEXED BY; PostgreSQL has no hints.)
      const [row] = await sql<{ credits: string; debits: string }[]>`SELECT
          coalesce(sum(amount_micros) FILTER (WHERE type = 'credit'), 0)::text AS credits,
          coalesce(sum(amount_micros) FILTER (WHERE type = 'debit'), 0)::text AS debits
        FROM (SELECT type, amount_micros FROM ledger_entries
          WHERE account_id = ${accountId} AND created_at >= ${from.getTime()} AND created_at < ${to.getTime()}
            ${filter.type !== undefined ? sql`AND type = ${filter.type}` : sql``}
            ${filter.kind !== undefined ? sql`AND kind = ${filter.kind}` : sql``}
          ORDER BY account_id, created_at) AS period`;
      return { creditsMicros: BigInt(row?.credits ?? '0'), debitsMicros: BigInt(row?.debits ?? '0') };
    },
    getLedgerEntryBySeq: async (accountId, seq) => {
      const [row] = await sql<SequencedRow[]>`SELECT * FROM ledger_entries WHERE seq = ${seq} AND account_id = ${accountId}`;
      return row ? toSequenced(row) : null;
    },
  };
}

function toSequenced(row: SequencedRow): SequencedLedgerEntry {
  return { ...toLedgerEntry(row), seq: Number(row.seq) };
}
