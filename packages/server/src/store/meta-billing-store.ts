import type { Account } from '../domain/accounts.js';
import type { MessageCharge, MessageStatusOutcome, MessageStatusUpdate } from '../domain/billing/message-charge.js';
import type { AccountPricing, Rate } from '../domain/pricing/rate-card.js';

/** Which recipients of the usage tables to count. */
export interface UsageQuery {
  readonly portfolioKey: string;
  readonly accountIds: readonly string[];
  /** Counted strictly after this instant: the start of the rolling window. */
  readonly since: Date;
  /** Customers who entered the window at or after this instant are "new". */
  readonly newSince: Date;
}

/** Distinct recipients in the window: portfolio-wide, new ones, and per account. */
export interface UsageCounts {
  readonly uniqueCustomers: number;
  readonly newCustomers: number;
  readonly byAccount: ReadonlyMap<string, number>;
}

/** A webhook counter: e.g. (`unmatched_phone_number_id`, `1065…`) or (`unhandled_field`, `account_update`). */
export interface WebhookStat {
  readonly name: string;
  readonly key: string;
  readonly count: number;
  readonly lastAt: Date;
}

/** Which unpriced messages to list. */
export interface UnpricedQuery {
  readonly from: Date | null;
  readonly to: Date | null;
  readonly limit: number;
}

/** Unpriced messages of a range: their count and the newest few. */
export interface UnpricedMessages {
  readonly count: number;
  readonly newest: readonly MessageCharge[];
}

/** Persistence of rate cards, message charges, last-24h usage and webhook counters. */
export interface MetaBillingStore {
  /** Replaces every rate of the default card of `currency`, in one transaction. */
  replaceRateCard(currency: string, rates: readonly Rate[], at: Date): Promise<void>;
  /** Rates of the default card of `currency`, of one market when given, ordered by market and category. */
  listDefaultRates(currency: string, market?: string): Promise<Rate[]>;
  /** How an account is priced (`default` when never set); custom rates of one market when given. */
  getAccountPricing(accountId: string, market?: string): Promise<AccountPricing>;
  /** Sets how an account is priced, replacing any custom card, in one transaction. */
  setAccountPricing(accountId: string, pricing: AccountPricing, at: Date): Promise<void>;

  getMessageCharge(accountId: string, wamid: string): Promise<MessageCharge | null>;
  /**
   * Applies the statuses of a batch (one webhook change) in one transaction, each in its own
   * savepoint, in order: reads the message's record, lets `decide` return what to write (or null for
   * nothing), then upserts the record, appends its debit (balance may go below zero), records the
   * usage and the marketing delivery. A status that fails rolls back alone (`ok: false`); the
   * promise rejects only when the transaction itself fails (nothing was written). An implementation
   * may commit batches of concurrent callers together; each promise settles after the commit.
   */
  applyMessageStatuses(accountId: string, updates: readonly MessageStatusUpdate[]): Promise<MessageStatusOutcome[]>;
  /**
   * Delivered billable messages that had no rate, delivered in `[from, to)` (open bounds when
   * null): how many, and the newest `limit` of them. For the statement.
   */
  listUnpricedMessages(accountId: string, range: UnpricedQuery): Promise<UnpricedMessages>;

  /** Accounts sharing a business portfolio, oldest first. */
  listAccountsInPortfolio(businessPortfolioId: string): Promise<readonly Account[]>;
  /**
   * Exactly what counting the recipient rows would say, read mostly from their roll-up (migration
   * 0012): about the same cost at 10 and at 1,000,000 recipients in the window.
   */
  countUsage(query: UsageQuery): Promise<UsageCounts>;
  /**
   * Forgets recipients last counted before `before`, at most `limit` rows of each table when given
   * (the roll-up's triggers make each row a few statements: a backlog goes in batches); returns how
   * many rows went.
   */
  pruneUsage(before: Date, limit?: number): Promise<number>;

  /** Adds one to a webhook counter. */
  countWebhookEvent(name: string, key: string, at: Date): Promise<void>;
  listWebhookStats(): Promise<WebhookStat[]>;
}
