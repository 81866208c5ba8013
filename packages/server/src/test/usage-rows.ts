import type { MessageStatusUpdate } from '../domain/billing/message-charge.js';
import type { UsageCounts, UsageQuery } from '../store/meta-billing-store.js';

const DAY = 86_400_000;

/**
 * The usage rows as the store's upsert keeps them, counted one by one: what `countUsage` answered
 * before the roll-up, and must still answer at every instant.
 */
export class UsageRows {
  readonly portfolio = new Map<string, { key: string; last: number; entered: number }>();
  readonly account = new Map<string, { id: string; last: number }>();

  touch(key: string, accountId: string, recipient: string, at: number): void {
    const row = this.portfolio.get(`${key}|${recipient}`);
    this.portfolio.set(
      `${key}|${recipient}`,
      !row ? { key, last: at, entered: at } : { key, last: Math.max(row.last, at), entered: row.last <= at - DAY ? at : Math.min(row.entered, at) },
    );
    const mine = this.account.get(`${accountId}|${recipient}`);
    this.account.set(`${accountId}|${recipient}`, { id: accountId, last: Math.max(mine?.last ?? at, at) });
  }

  prune(before: number): void {
    for (const [k, row] of this.portfolio) if (row.last < before) this.portfolio.delete(k);
    for (const [k, row] of this.account) if (row.last < before) this.account.delete(k);
  }

  count(query: UsageQuery): { uniqueCustomers: number; newCustomers: number; byAccount: Record<string, number> } {
    const since = query.since.getTime();
    const rows = [...this.portfolio.values()].filter((row) => row.key === query.portfolioKey && row.last > since);
    return {
      uniqueCustomers: rows.length,
      newCustomers: rows.filter((row) => row.entered >= query.newSince.getTime()).length,
      byAccount: Object.fromEntries(query.accountIds.map((id) => [id, [...this.account.values()].filter((row) => row.id === id && row.last > since).length])),
    };
  }
}

export function plainCounts(counts: UsageCounts): { uniqueCustomers: number; newCustomers: number; byAccount: Record<string, number> } {
  return { uniqueCustomers: counts.uniqueCustomers, newCustomers: counts.newCustomers, byAccount: Object.fromEntries(counts.byAccount) };
}

/** A status whose only effect is counting `recipient` at `at` (a free message: no debit). */
export function countedStatus(wamid: string, accountId: string, portfolioKey: string, recipient: string, at: number): MessageStatusUpdate {
  const when = new Date(at);
  return {
    wamid,
    decide: () => ({
      charge: {
        accountId,
        wamid,
        recipient,
        market: 'US',
        country: 'US',
        isGroup: false,
        lastStatus: 'delivered',
        pricingType: 'regular',
        category: 'utility',
        billable: true,
        deliveredAt: when,
        failedAt: null,
        outcome: 'free',
        priceMicros: null,
        ledgerEntryId: null,
        createdAt: when,
        updatedAt: when,
      },
      ledgerEntry: null,
      usage: { portfolioKey, accountId, recipient, countedAt: when },
    }),
  };
}

/**
 * The non-empty buckets of migration 0012's roll-up that `rows` make, one `key span start count`
 * line each, sorted: what the roll-up tables must hold at every commit.
 */
export function expectedBuckets(rows: UsageRows): { portfolio: string[]; entered: string[]; account: string[] } {
  const tally = (lines: Map<string, number>, line: string) => lines.set(line, (lines.get(line) ?? 0) + 1);
  const portfolio = new Map<string, number>();
  const entered = new Map<string, number>();
  const account = new Map<string, number>();
  for (const row of rows.portfolio.values()) {
    for (const span of [60_000, 3_600_000]) tally(portfolio, `${row.key} ${span} ${row.last - (row.last % span)}`);
    tally(entered, `${row.key} ${row.entered - (row.entered % 60_000)}`);
  }
  for (const row of rows.account.values()) {
    for (const span of [60_000, 3_600_000]) tally(account, `${row.id} ${span} ${row.last - (row.last % span)}`);
  }
  const lines = (map: Map<string, number>) => [...map].map(([line, n]) => `${line} ${n}`).sort();
  return { portfolio: lines(portfolio), entered: lines(entered), account: lines(account) };
}

/** The SELECTs (same text on both engines) whose rows, joined by spaces, compare with {@link expectedBuckets}. */
export const ROLLUP_TABLES = {
  portfolio: 'SELECT portfolio_key, span_ms, starts_at, recipients FROM usage_portfolio_by_last_counted',
  entered: 'SELECT portfolio_key, starts_at, recipients FROM usage_portfolio_by_entered',
  account: 'SELECT account_id, span_ms, starts_at, recipients FROM usage_account_by_last_counted',
} as const;
