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

/**
 * The statement's reads as seen inside one read transaction: synchronous, so that nothing else
 * can run on the connection while the snapshot is open (the same contract as a `decide` callback).
 */
export interface LedgerReader {
  ledgerSeqRange(accountId: string, from: Date | null, to: Date | null): LedgerSeqRange;
  listLedgerPage(query: LedgerPageQuery): SequencedLedgerEntry[];
  balanceBeforeSeq(accountId: string, seq: number): bigint;
  sumLedger(accountId: string, from: Date, to: Date, filter: LedgerFilter): LedgerTotals;
  getLedgerEntryBySeq(accountId: string, seq: number): SequencedLedgerEntry | null;
}

/** Indexed reads behind the statement; none of them scans the ledger beyond what it returns. */
export interface StatementStore {
  /**
   * Runs `read` in one read transaction: every read it makes sees the same committed ledger, so
   * a page, its opening and closing balances and its day totals agree even while others append.
   * `read` must not await; what it throws is thrown.
   */
  readLedgerSnapshot<T>(read: (ledger: LedgerReader) => T): Promise<T>;
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
