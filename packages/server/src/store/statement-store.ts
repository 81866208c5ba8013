import type { LedgerEntry, LedgerKind } from '../domain/ledger.js';

/**
 * A half-open range `[fromSeq, toSeq)` of an account's append sequence. Entries are appended with
 * non-decreasing `createdAt`, so a time range maps to one seq range.
 */
export interface LedgerSeqRange {
  readonly fromSeq: number;
  readonly toSeq: number;
}

/** Optional statement filters; absent means any. */
export interface LedgerFilter {
  readonly type?: LedgerEntry['type'] | undefined;
  readonly kind?: LedgerKind | undefined;
}

/** At most `limit` matching entries of `range`, oldest (`asc`) or newest (`desc`) first. */
export interface LedgerPageQuery extends LedgerFilter {
  readonly accountId: string;
  readonly range: LedgerSeqRange;
  readonly order: 'asc' | 'desc';
  readonly limit: number;
}

/** A ledger entry with its position in the append sequence. */
export interface SequencedLedgerEntry extends LedgerEntry {
  readonly seq: number;
}

/** Sums of the credits (≥ 0) and of the debits (≤ 0) of some entries, in micro-units. */
export interface LedgerTotals {
  readonly creditsMicros: bigint;
  readonly debitsMicros: bigint;
}

/** The statement's reads, as an engine answers them inside its snapshot. */
export interface LedgerReads {
  ledgerSeqRange(accountId: string, from: Date | null, to: Date | null): LedgerSeqRange;
  listLedgerPage(query: LedgerPageQuery): SequencedLedgerEntry[];
  balanceBeforeSeq(accountId: string, seq: number): bigint;
  sumLedger(accountId: string, from: Date, to: Date, filter: LedgerFilter): LedgerTotals;
  getLedgerEntryBySeq(accountId: string, seq: number): SequencedLedgerEntry | null;
}

/** One read a snapshot program asks for: a method of {@link LedgerReads} and its arguments. */
export type LedgerRead = { [K in keyof LedgerReads]: { readonly method: K; readonly args: Parameters<LedgerReads[K]> } }[keyof LedgerReads];

/** A step of a snapshot program: `yield*` it to get the read's result. */
export type LedgerStep<R> = Generator<LedgerRead, R, unknown>;

/**
 * The statement's reads inside a snapshot: each returns a step to `yield*`. A program written as a
 * generator runs unchanged on either engine: SQLite answers each read synchronously inside its read
 * transaction (nothing else can run on the connection meanwhile), PostgreSQL awaits each read on the
 * snapshot transaction's connection.
 */
export type LedgerReader = { [K in keyof LedgerReads]: (...args: Parameters<LedgerReads[K]>) => LedgerStep<ReturnType<LedgerReads[K]>> };

/** A snapshot program: a generator over {@link LedgerReader} steps, returning what was read. */
export type LedgerSnapshotRead<T> = (ledger: LedgerReader) => Generator<LedgerRead, T, unknown>;

function* step<R>(read: LedgerRead): LedgerStep<R> {
  // The driver sends back the result of exactly this read: the method's return type.
  return (yield read) as R;
}

/** The one {@link LedgerReader}: every engine's driver answers the reads it yields. */
export const ledgerReader: LedgerReader = {
  ledgerSeqRange: (...args) => step({ method: 'ledgerSeqRange', args }),
  listLedgerPage: (...args) => step({ method: 'listLedgerPage', args }),
  balanceBeforeSeq: (...args) => step({ method: 'balanceBeforeSeq', args }),
  sumLedger: (...args) => step({ method: 'sumLedger', args }),
  getLedgerEntryBySeq: (...args) => step({ method: 'getLedgerEntryBySeq', args }),
};

/** Answers one read with `reads`: its result, or (for an engine's async reads) a promise of it. */
export function answerLedgerRead(reads: { [K in keyof LedgerReads]: (...args: Parameters<LedgerReads[K]>) => unknown }, read: LedgerRead): unknown {
  const method = reads[read.method] as (...args: LedgerRead['args']) => unknown;
  return method(...read.args);
}

/** Indexed reads behind the statement; none of them scans the ledger beyond what it returns. */
export interface StatementStore {
  /**
   * Runs the program `read` in one read transaction: every read it yields sees the same committed
   * ledger, so a page, its opening and closing balances and its day totals agree even while others
   * append. What it (or a read) throws is thrown.
   */
  readLedgerSnapshot<T>(read: LedgerSnapshotRead<T>): Promise<T>;
  /** The seq range of the account's entries with `createdAt` in `[from, to)`; null bounds are open. */
  ledgerSeqRange(accountId: string, from: Date | null, to: Date | null): Promise<LedgerSeqRange>;
  /** One page of entries (keyset: narrow `range` to continue after a cursor). */
  listLedgerPage(query: LedgerPageQuery): Promise<SequencedLedgerEntry[]>;
  /** `balanceAfter` of the account's last entry with seq below `seq`; 0 when there is none. */
  balanceBeforeSeq(accountId: string, seq: number): Promise<bigint>;
  /** Totals of the account's matching entries with `createdAt` in `[from, to)`. */
  sumLedger(accountId: string, from: Date, to: Date, filter: LedgerFilter): Promise<LedgerTotals>;
  /** The account's entry at `seq`, or null. */
  getLedgerEntryBySeq(accountId: string, seq: number): Promise<SequencedLedgerEntry | null>;
}
