import type { UnpricedMessages } from '../store/meta-billing-store.js';
import { formatAmount } from './money.js';
import { csvField, csvRecord } from './csv.js';
import { requireAccount } from './accounts.js';
import { DomainError } from './errors.js';
import type { LedgerEntry, LedgerKind } from './ledger.js';
import type { LedgerFilter, LedgerReader, LedgerSeqRange, LedgerStep, SequencedLedgerEntry } from '../store/statement-store.js';
import type { Store } from '../store/store.js';

/** Page size of the statement: default and largest. */
export const STATEMENT_PAGE_SIZE = { default: 50, max: 200 } as const;

/** Rows read per query while exporting. */
export const CSV_BATCH_SIZE = 1000;

/** Header row of the CSV export. */
export const STATEMENT_CSV_COLUMNS = [
  'date', 'type', 'kind', 'description', 'reference', 'category', 'market', 'amount', 'currency', 'balance_after',
] as const;

const DAY_MS = 86_400_000;

/** Which entries a statement covers: `[from, to)` (null bounds are open), optionally filtered. */
export interface StatementRange {
  readonly accountId: string;
  readonly from: Date | null;
  readonly to: Date | null;
  readonly type?: LedgerEntry['type'] | undefined;
  readonly kind?: LedgerKind | undefined;
}

/** A page of a statement: `limit` entries, newest first, after `cursor`. */
export interface StatementQuery extends StatementRange {
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** Credits (≥ 0) and debits (≤ 0) of one UTC day, within the range and filters. */
export interface DailyTotal {
  readonly date: string;
  readonly creditsMicros: bigint;
  readonly debitsMicros: bigint;
}

/** One page of a statement and the balances around its range. */
/** How many of a range's unpriced messages a statement lists (it counts them all). */
const UNPRICED_SHOWN = 20;

export interface Statement {
  readonly currency: string;
  readonly entries: readonly SequencedLedgerEntry[];
  readonly nextCursor: string | null;
  /** The balance just before `from` (0 without `from`), whatever the filters and page. */
  readonly openingMicros: bigint;
  /** The balance at `to` (the current balance without `to`), whatever the filters and page. */
  readonly closingMicros: bigint;
  /** Whole-day totals of the days the page touches, newest first. */
  readonly dailyTotals: readonly DailyTotal[];
  /** Delivered billable messages of the range that had no rate: not in the ledger, so shown apart. */
  readonly unpriced: UnpricedMessages;
}

/**
 * Reads one page of an account's statement. Pages are keyset-paginated on the append sequence,
 * so every page costs the same indexed range read, whatever its position. The page, its balances
 * and its day totals come from one snapshot of the ledger, so they agree with each other even
 * while entries are being appended.
 * @throws DomainError `invalid` (`invalid_range`, `invalid_cursor`) or `not_found`
 */
export async function readStatement(store: Store, query: StatementQuery): Promise<Statement> {
  const account = await requireAccount(store, query.accountId);
  requireOrderedRange(query);
  const page = await store.readLedgerSnapshot(function* (ledger) {
    const range = yield* ledger.ledgerSeqRange(account.id, query.from, query.to);
    const after = query.cursor === undefined ? null : yield* decodeStatementCursor(ledger, account.id, query.cursor);
    const pageRange: LedgerSeqRange = after === null ? range : { fromSeq: range.fromSeq, toSeq: Math.min(range.toSeq, after) };
    const rows = yield* ledger.listLedgerPage({ ...filterOf(query), accountId: account.id, range: pageRange, order: 'desc', limit: query.limit + 1 });
    const entries = rows.slice(0, query.limit);
    const last = entries.at(-1);
    return {
      entries,
      nextCursor: rows.length > query.limit && last ? encodeStatementCursor(last) : null,
      openingMicros: yield* ledger.balanceBeforeSeq(account.id, range.fromSeq),
      closingMicros: yield* ledger.balanceBeforeSeq(account.id, range.toSeq),
      dailyTotals: yield* dailyTotals(ledger, query, entries),
    };
  });
  return {
    currency: account.currency,
    ...page,
    unpriced: await store.listUnpricedMessages(account.id, { from: query.from, to: query.to, limit: UNPRICED_SHOWN }),
  };
}

/**
 * The statement of `[from, to)` as CSV text, oldest first, header first: a chunk per batch of
 * {@link CSV_BATCH_SIZE} entries read on demand, so the whole range is never in memory. It holds
 * the entries committed when it was called, none appended while it streams.
 * @throws DomainError `invalid` (`invalid_range`) or `not_found`, before the first chunk
 */
export async function statementCsv(store: Store, query: StatementRange): Promise<AsyncGenerator<string, void, undefined>> {
  const account = await requireAccount(store, query.accountId);
  requireOrderedRange(query);
  // The export is of the ledger as committed now: an entry appended while it streams is not in it,
  // even when its time falls in the range (a range ending in the past has no upper seq bound yet).
  const range = await store.readLedgerSnapshot(function* (ledger): LedgerStep<LedgerSeqRange> {
    const timeRange = yield* ledger.ledgerSeqRange(account.id, query.from, query.to);
    const newest = (yield* ledger.listLedgerPage({ accountId: account.id, range: timeRange, order: 'desc', limit: 1 }))[0];
    return { fromSeq: timeRange.fromSeq, toSeq: newest ? newest.seq + 1 : timeRange.fromSeq };
  });
  return csvChunks(store, { ...filterOf(query), accountId: account.id, currency: account.currency, range });
}

/** `statement-<account>-<from>-<to>.csv`, each bound as a date, or a compact instant when not midnight UTC. */
export function statementCsvFilename(accountId: string, from: Date | null, to: Date | null): string {
  return `statement-${accountId}-${from ? fileDate(from) : 'start'}-${to ? fileDate(to) : 'now'}.csv`;
}

async function* csvChunks(
  store: Store,
  query: LedgerFilter & { accountId: string; currency: string; range: LedgerSeqRange },
): AsyncGenerator<string, void, undefined> {
  yield csvRecord(STATEMENT_CSV_COLUMNS);
  let fromSeq = query.range.fromSeq;
  for (;;) {
    const batch = await store.listLedgerPage({
      ...query,
      range: { fromSeq, toSeq: query.range.toSeq },
      order: 'asc',
      limit: CSV_BATCH_SIZE,
    });
    if (batch.length > 0) yield batch.map((entry) => csvEntry(entry, query.currency)).join('');
    const last = batch.at(-1);
    if (!last || batch.length < CSV_BATCH_SIZE) return;
    fromSeq = last.seq + 1;
  }
}

function csvEntry(entry: LedgerEntry, currency: string): string {
  return csvRecord([
    csvField(entry.createdAt.toISOString(), { text: false }),
    csvField(entry.type),
    csvField(entry.kind),
    csvField(entry.description),
    csvField(entry.reference ?? ''),
    csvField(entry.details?.category ?? ''),
    csvField(entry.details?.market ?? ''),
    csvField(formatAmount(entry.amountMicros), { text: false }),
    csvField(currency),
    csvField(formatAmount(entry.balanceAfterMicros), { text: false }),
  ]);
}

function* dailyTotals(ledger: LedgerReader, query: StatementRange, entries: readonly LedgerEntry[]): LedgerStep<DailyTotal[]> {
  const days = [...new Set(entries.map((entry) => Math.floor(entry.createdAt.getTime() / DAY_MS)))];
  const totals: DailyTotal[] = [];
  for (const day of days) {
    const start = Math.max(day * DAY_MS, query.from?.getTime() ?? -Infinity);
    const end = Math.min((day + 1) * DAY_MS, query.to?.getTime() ?? Infinity);
    const sums = yield* ledger.sumLedger(query.accountId, new Date(start), new Date(end), filterOf(query));
    totals.push({ date: new Date(day * DAY_MS).toISOString().slice(0, 10), ...sums });
  }
  return totals;
}

function filterOf(query: StatementRange): LedgerFilter {
  return { type: query.type, kind: query.kind };
}

function requireOrderedRange(range: StatementRange): void {
  if (range.from && range.to && range.from.getTime() >= range.to.getTime()) {
    throw new DomainError('invalid', 'invalid_range', 'from: must be before to');
  }
}

function encodeStatementCursor(entry: SequencedLedgerEntry): string {
  return Buffer.from(JSON.stringify([entry.createdAt.getTime(), entry.seq])).toString('base64url');
}

/** The seq a cursor continues before; it must name an entry of this account, as issued. */
function* decodeStatementCursor(ledger: LedgerReader, accountId: string, cursor: string): LedgerStep<number> {
  let position: [number, number] | null = null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((n) => Number.isSafeInteger(n) && n >= 0)) {
      position = value as [number, number];
    }
  } catch {
    // fall through: an undecodable cursor is the caller's mistake
  }
  const entry = position && (yield* ledger.getLedgerEntryBySeq(accountId, position[1]));
  if (!position || !entry || entry.createdAt.getTime() !== position[0]) {
    throw new DomainError('invalid', 'invalid_cursor', 'cursor: not a cursor returned by this endpoint');
  }
  return position[1];
}

function fileDate(at: Date): string {
  const iso = at.toISOString();
  return at.getTime() % DAY_MS === 0 ? iso.slice(0, 10) : iso.replace(/[:-]|\.\d+/g, '');
}
