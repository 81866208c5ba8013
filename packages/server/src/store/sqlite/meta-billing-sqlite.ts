import type Database from 'better-sqlite3';
import type { Account } from '../../domain/accounts.js';
import type {
  ChargeOutcome,
  MessageCharge,
  MessageChargeWrite,
  MessageStatusOutcome,
  MessageStatusUpdate,
} from '../../domain/billing/message-charge.js';
import type { MarketingDelivery } from '../frequency-cap-store.js';
import type { LedgerAppendResult, LedgerPolicy, NewLedgerEntry } from '../../domain/ledger.js';
import { withinBalanceRange } from '../../domain/ledger.js';
import type { AccountPricing, Rate } from '../../domain/pricing/rate-card.js';
import type { MetaBillingStore, UnpricedMessages, UnpricedQuery, UsageCounts, UsageQuery, WebhookStat } from '../meta-billing-store.js';
import type { CountedSplit, EnteredSplit } from '../usage-rollup.js';
import { countedSplit, enteredSplit } from '../usage-rollup.js';
import type { AccountRow } from './rows.js';
import { toAccount } from './rows.js';
import { transactionRunner, type TransactionRunner } from './transaction-runner.js';
import type { CommittedReadMemo } from './committed-read-memo.js';
import { accountWriteTags } from './committed-read-memo.js';

const DAY_MS = 24 * 3600 * 1000;

interface RateRow {
  market: string;
  category: string;
  price_micros: bigint;
}

interface MessageChargeRow {
  account_id: string;
  wamid: string;
  recipient: string;
  market: string;
  country: string | null;
  is_group: bigint;
  last_status: string;
  pricing_type: string | null;
  category: string | null;
  billable: bigint | null;
  delivered_at: bigint | null;
  failed_at: bigint | null;
  outcome: string | null;
  price_micros: bigint | null;
  ledger_entry_id: string | null;
  created_at: bigint;
  updated_at: bigint;
}

const CHARGE_COLUMNS = `account_id, wamid, recipient, market, country, is_group, last_status, pricing_type, category,
  billable, delivered_at, failed_at, outcome, price_micros, ledger_entry_id, created_at, updated_at`;

/** Statuses of concurrent callers waiting for the next commit. */
interface PendingBatch {
  readonly accountId: string;
  readonly updates: readonly MessageStatusUpdate[];
  readonly resolve: (outcomes: MessageStatusOutcome[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The SQLite side of {@link MetaBillingStore}. `append` is the ledger append of the owning store,
 * called inside this class's transactions (a nested transaction, so a savepoint); `recordDelivery`
 * counts a marketing delivery inside them.
 *
 * Status batches are committed together (group commit): every batch handed in during one turn of
 * the event loop goes into one IMMEDIATE transaction, each status in its own savepoint. A commit
 * writes every page it touched to the WAL, about a dozen for a charged message (ledger, message,
 * usage, roll-up and their indexes), so one commit per status bounded ingest far below what the
 * database can do; one commit per turn pays that once for all the webhooks that arrived together.
 */
export class SqliteMetaBilling implements MetaBillingStore {
  readonly #transaction: TransactionRunner;
  readonly #s;
  readonly #replaceCard;
  readonly #setPricing;
  readonly #applyStatus;
  readonly #applyBatches;
  readonly #memo: CommittedReadMemo;
  #pending: PendingBatch[] = [];

  constructor(
    db: Database.Database,
    accountColumns: string,
    append: (entry: NewLedgerEntry, policy: LedgerPolicy) => LedgerAppendResult,
    recordDelivery: (delivery: MarketingDelivery) => unknown,
    memo: CommittedReadMemo,
  ) {
    this.#memo = memo;
    this.#transaction = transactionRunner(db);
    const s = {
      upsertCard: db.prepare('INSERT INTO rate_cards (currency, updated_at) VALUES (?, ?) ON CONFLICT (currency) DO UPDATE SET updated_at = excluded.updated_at'),
      deleteCardRates: db.prepare('DELETE FROM rate_card_rates WHERE currency = ?'),
      insertCardRate: db.prepare('INSERT INTO rate_card_rates (currency, market, category, price_micros) VALUES (?, ?, ?, ?)'),
      cardRates: db.prepare<[string], RateRow>('SELECT market, category, price_micros FROM rate_card_rates WHERE currency = ? ORDER BY market, category').safeIntegers(),
      cardRatesOfMarket: db
        .prepare<[string, string], RateRow>('SELECT market, category, price_micros FROM rate_card_rates WHERE currency = ? AND market = ? ORDER BY category')
        .safeIntegers(),
      pricing: db.prepare<[string], { mode: string; markup_e4: bigint | null }>('SELECT mode, markup_e4 FROM account_pricing WHERE account_id = ?').safeIntegers(),
      upsertPricing: db.prepare(`INSERT INTO account_pricing (account_id, mode, markup_e4, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (account_id) DO UPDATE SET mode = excluded.mode, markup_e4 = excluded.markup_e4, updated_at = excluded.updated_at`),
      deletePricing: db.prepare('DELETE FROM account_pricing WHERE account_id = ?'),
      deleteAccountRates: db.prepare('DELETE FROM account_rates WHERE account_id = ?'),
      insertAccountRate: db.prepare('INSERT INTO account_rates (account_id, market, category, price_micros) VALUES (?, ?, ?, ?)'),
      accountRates: db.prepare<[string], RateRow>('SELECT market, category, price_micros FROM account_rates WHERE account_id = ? ORDER BY market, category').safeIntegers(),
      accountRatesOfMarket: db
        .prepare<[string, string], RateRow>('SELECT market, category, price_micros FROM account_rates WHERE account_id = ? AND market = ? ORDER BY category')
        .safeIntegers(),
      charge: db.prepare<[string, string], MessageChargeRow>(`SELECT ${CHARGE_COLUMNS} FROM message_charges WHERE account_id = ? AND wamid = ?`).safeIntegers(),
      upsertCharge: db.prepare(`INSERT INTO message_charges (${CHARGE_COLUMNS}) VALUES (@account_id, @wamid, @recipient, @market,
          @country, @is_group, @last_status, @pricing_type, @category, @billable, @delivered_at, @failed_at, @outcome,
          @price_micros, @ledger_entry_id, @created_at, @updated_at)
        ON CONFLICT (account_id, wamid) DO UPDATE SET last_status = excluded.last_status, pricing_type = excluded.pricing_type,
          category = excluded.category, billable = excluded.billable, delivered_at = excluded.delivered_at,
          failed_at = excluded.failed_at, outcome = excluded.outcome, price_micros = excluded.price_micros,
          ledger_entry_id = excluded.ledger_entry_id, updated_at = excluded.updated_at`),
      unpriced: db
        .prepare<[string, number, number, number], MessageChargeRow>(
          `SELECT ${CHARGE_COLUMNS} FROM message_charges WHERE account_id = ? AND outcome = 'unpriced'
             AND delivered_at >= ? AND delivered_at < ? ORDER BY delivered_at DESC, wamid DESC LIMIT ?`,
        )
        .safeIntegers(),
      countUnpriced: db.prepare<[string, number, number], { n: number }>(
        `SELECT count(*) AS n FROM message_charges WHERE account_id = ? AND outcome = 'unpriced'
           AND delivered_at >= ? AND delivered_at < ?`,
      ),
      // SET expressions read the row as it was: a recipient absent for a whole day enters the window anew.
      touchPortfolio: db.prepare(`INSERT INTO usage_portfolio_recipients (portfolio_key, recipient, last_counted_at, entered_window_at)
        VALUES (@key, @recipient, @at, @at)
        ON CONFLICT (portfolio_key, recipient) DO UPDATE SET
          entered_window_at = CASE WHEN last_counted_at <= excluded.last_counted_at - ${DAY_MS} THEN excluded.entered_window_at
                                   ELSE min(entered_window_at, excluded.entered_window_at) END,
          last_counted_at = max(last_counted_at, excluded.last_counted_at)`),
      touchAccount: db.prepare(`INSERT INTO usage_account_recipients (account_id, recipient, last_counted_at) VALUES (@account, @recipient, @at)
        ON CONFLICT (account_id, recipient) DO UPDATE SET last_counted_at = max(last_counted_at, excluded.last_counted_at)`),
      // From the roll-up of migration 0012 (see ../usage-rollup.ts): whole hours, whole minutes, then one minute's rows.
      countPortfolio: db.prepare<CountedSplit & { key: string }, { n: number }>(
        countInWindow('usage_portfolio_recipients', 'usage_portfolio_by_last_counted', 'portfolio_key'),
      ),
      countAccount: db.prepare<CountedSplit & { key: string }, { n: number }>(
        countInWindow('usage_account_recipients', 'usage_account_by_last_counted', 'account_id'),
      ),
      countNew: db.prepare<EnteredSplit & { key: string }, { n: number }>(`SELECT
          (SELECT coalesce(sum(recipients), 0) FROM usage_portfolio_by_entered WHERE portfolio_key = @key AND starts_at >= @nextMinute)
        + (SELECT count(*) FROM usage_portfolio_recipients
            WHERE portfolio_key = @key AND entered_window_at >= @newSince AND entered_window_at < @nextMinute) AS n`),
      countNewByRows: db.prepare<[string, number, number], { n: number }>(
        'SELECT count(*) AS n FROM usage_portfolio_recipients WHERE portfolio_key = ? AND entered_window_at >= ? AND last_counted_at > ?',
      ),
      prunePortfolio: db.prepare(`DELETE FROM usage_portfolio_recipients WHERE (portfolio_key, recipient) IN
        (SELECT portfolio_key, recipient FROM usage_portfolio_recipients WHERE last_counted_at < ? LIMIT ?)`),
      pruneAccount: db.prepare(`DELETE FROM usage_account_recipients WHERE (account_id, recipient) IN
        (SELECT account_id, recipient FROM usage_account_recipients WHERE last_counted_at < ? LIMIT ?)`),
      portfolioAccounts: db
        .prepare<[string], AccountRow>(`SELECT ${accountColumns} FROM accounts WHERE business_portfolio_id = ? ORDER BY created_at, id`)
        .safeIntegers(),
      countEvent: db.prepare(`INSERT INTO webhook_stats (name, key, count, last_at) VALUES (?, ?, 1, ?)
        ON CONFLICT (name, key) DO UPDATE SET count = count + 1, last_at = excluded.last_at`),
      stats: db.prepare<[], { name: string; key: string; count: number; last_at: number }>('SELECT name, key, count, last_at FROM webhook_stats ORDER BY name, key'),
    };
    this.#s = s;

    this.#replaceCard = db.transaction((currency: string, rates: readonly Rate[], at: number) => {
      s.upsertCard.run(currency, at);
      s.deleteCardRates.run(currency);
      for (const rate of rates) s.insertCardRate.run(currency, rate.market, rate.category, rate.priceMicros);
    });
    this.#setPricing = db.transaction((accountId: string, pricing: AccountPricing, at: number) => {
      s.deleteAccountRates.run(accountId);
      if (pricing.mode === 'default') {
        s.deletePricing.run(accountId);
        return;
      }
      s.upsertPricing.run(accountId, pricing.mode, pricing.mode === 'markup' ? pricing.markupE4 : null, at);
      if (pricing.mode === 'custom') {
        for (const rate of pricing.rates) s.insertAccountRate.run(accountId, rate.market, rate.category, rate.priceMicros);
      }
    });
    // Called inside #applyBatches: a nested transaction, so a savepoint per status.
    this.#applyStatus = db.transaction(
      (accountId: string, wamid: string, decide: (current: MessageCharge | null) => MessageChargeWrite | null) => {
        const row = s.charge.get(accountId, wamid);
        const current = row ? toMessageCharge(row) : null;
        const write = decide(current);
        if (!write) return { charge: current, debited: false };
        let charge = write.charge;
        let debited = false;
        if (write.ledgerEntry) {
          // Meta has billed a delivered message: the debit may take the balance below zero.
          const { entry, replayed } = append(write.ledgerEntry, withinBalanceRange);
          charge = { ...charge, ledgerEntryId: entry.id };
          debited = !replayed;
        }
        s.upsertCharge.run(chargeParams(charge));
        if (write.usage) {
          const at = write.usage.countedAt.getTime();
          s.touchPortfolio.run({ key: write.usage.portfolioKey, recipient: write.usage.recipient, at });
          s.touchAccount.run({ account: write.usage.accountId, recipient: write.usage.recipient, at });
        }
        if (write.marketingDelivery) recordDelivery(write.marketingDelivery);
        return { charge, debited };
      },
    );
    this.#applyBatches = db.transaction((batches: readonly PendingBatch[]): MessageStatusOutcome[][] =>
      batches.map((batch) =>
        batch.updates.map((update): MessageStatusOutcome => {
          try {
            return { ok: true, ...this.#applyStatus(batch.accountId, update.wamid, update.decide) };
          } catch (error) {
            return { ok: false, error };
          }
        }),
      ),
    );
  }

  async replaceRateCard(currency: string, rates: readonly Rate[], at: Date): Promise<void> {
    this.#replaceCard.immediate(currency, rates, at.getTime());
  }

  async listDefaultRates(currency: string, market?: string): Promise<Rate[]> {
    const rows = market === undefined ? this.#s.cardRates.all(currency) : this.#s.cardRatesOfMarket.all(currency, market);
    return rows.map(toRate);
  }

  async getAccountPricing(accountId: string, market?: string): Promise<AccountPricing> {
    const row = this.#s.pricing.get(accountId);
    if (!row) return { mode: 'default' };
    if (row.mode === 'markup' && row.markup_e4 !== null) return { mode: 'markup', markupE4: row.markup_e4 };
    const rows = market === undefined ? this.#s.accountRates.all(accountId) : this.#s.accountRatesOfMarket.all(accountId, market);
    return { mode: 'custom', rates: rows.map(toRate) };
  }

  async setAccountPricing(accountId: string, pricing: AccountPricing, at: Date): Promise<void> {
    this.#setPricing.immediate(accountId, pricing, at.getTime());
  }

  async getMessageCharge(accountId: string, wamid: string): Promise<MessageCharge | null> {
    const row = this.#s.charge.get(accountId, wamid);
    return row ? toMessageCharge(row) : null;
  }

  applyMessageStatuses(accountId: string, updates: readonly MessageStatusUpdate[]): Promise<MessageStatusOutcome[]> {
    if (updates.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.#pending.push({ accountId, updates, resolve, reject });
      if (this.#pending.length === 1) setImmediate(() => this.#commitPending());
    });
  }

  #commitPending(): void {
    const batches = this.#pending;
    this.#pending = [];
    let outcomes: MessageStatusOutcome[][];
    try {
      // IMMEDIATE takes the write lock before any record is read, as a single status did. The
      // memoized reads it makes stale are its accounts' (balance, runway roll-up).
      const tags = [...new Set(batches.flatMap((batch) => accountWriteTags(batch.accountId)))];
      outcomes = this.#memo.write(tags, () => this.#applyBatches.immediate(batches));
    } catch (error) {
      for (const batch of batches) batch.reject(error);
      return;
    }
    batches.forEach((batch, index) => batch.resolve(outcomes[index] ?? []));
  }

  async listUnpricedMessages(accountId: string, { from, to, limit }: UnpricedQuery): Promise<UnpricedMessages> {
    const since = from?.getTime() ?? Number.MIN_SAFE_INTEGER;
    const until = to?.getTime() ?? Number.MAX_SAFE_INTEGER;
    return this.#transaction.deferred(() => ({
      count: this.#s.countUnpriced.get(accountId, since, until)?.n ?? 0,
      newest: this.#s.unpriced.all(accountId, since, until, limit).map(toMessageCharge),
    }));
  }

  async listAccountsInPortfolio(businessPortfolioId: string): Promise<Account[]> {
    return this.#s.portfolioAccounts.all(businessPortfolioId).map(toAccount);
  }

  async countUsage(query: UsageQuery): Promise<UsageCounts> {
    // One read transaction, so that the portfolio's and the numbers' counts are of one state.
    return this.#transaction.deferred(() => {
      const counted = countedSplit(query.since);
      const s = this.#s;
      return {
        uniqueCustomers: s.countPortfolio.get({ key: query.portfolioKey, ...counted })?.n ?? 0,
        // A customer enters the window no later than it is last counted, so when the new ones are
        // those of a later start than the window's, they are all in the window: their buckets say it.
        newCustomers:
          query.newSince.getTime() > query.since.getTime()
            ? (s.countNew.get({ key: query.portfolioKey, ...enteredSplit(query.newSince) })?.n ?? 0)
            : (s.countNewByRows.get(query.portfolioKey, query.newSince.getTime(), counted.since)?.n ?? 0),
        byAccount: new Map(query.accountIds.map((id) => [id, s.countAccount.get({ key: id, ...counted })?.n ?? 0])),
      };
    });
  }

  async pruneUsage(before: Date, limit = -1): Promise<number> {
    // LIMIT -1 is no limit.
    const at = before.getTime();
    return this.#transaction.deferred(() => s(this.#s.prunePortfolio.run(at, limit).changes) + s(this.#s.pruneAccount.run(at, limit).changes));
  }

  async countWebhookEvent(name: string, key: string, at: Date): Promise<void> {
    this.#s.countEvent.run(name, key, at.getTime());
  }

  async listWebhookStats(): Promise<WebhookStat[]> {
    return this.#s.stats.all().map((row) => ({ name: row.name, key: row.key, count: row.count, lastAt: new Date(row.last_at) }));
  }
}

function s(changes: number | bigint): number {
  return Number(changes);
}

function toRate(row: RateRow): Rate {
  return { market: row.market, category: row.category, priceMicros: row.price_micros };
}

function toMessageCharge(row: MessageChargeRow): MessageCharge {
  const date = (ms: bigint | null) => (ms === null ? null : new Date(Number(ms)));
  return {
    accountId: row.account_id,
    wamid: row.wamid,
    recipient: row.recipient,
    market: row.market,
    country: row.country,
    isGroup: row.is_group === 1n,
    lastStatus: row.last_status,
    pricingType: row.pricing_type,
    category: row.category,
    billable: row.billable === null ? null : row.billable === 1n,
    deliveredAt: date(row.delivered_at),
    failedAt: date(row.failed_at),
    outcome: row.outcome as ChargeOutcome | null,
    priceMicros: row.price_micros,
    ledgerEntryId: row.ledger_entry_id,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

function chargeParams(charge: MessageCharge): Record<string, unknown> {
  return {
    account_id: charge.accountId,
    wamid: charge.wamid,
    recipient: charge.recipient,
    market: charge.market,
    country: charge.country,
    is_group: charge.isGroup ? 1 : 0,
    last_status: charge.lastStatus,
    pricing_type: charge.pricingType,
    category: charge.category,
    billable: charge.billable === null ? null : charge.billable ? 1 : 0,
    delivered_at: charge.deliveredAt?.getTime() ?? null,
    failed_at: charge.failedAt?.getTime() ?? null,
    outcome: charge.outcome,
    price_micros: charge.priceMicros,
    ledger_entry_id: charge.ledgerEntryId,
    created_at: charge.createdAt.getTime(),
    updated_at: charge.updatedAt.getTime(),
  };
}

/**
 * The recipients of one key last counted after `@since`, from the roll-up of migration 0012: the
 * whole hours after `@since`'s hour, the whole minutes after its minute within that hour, then the
 * recipients of its minute itself, row by row.
 */
function countInWindow(recipients: string, rollup: string, keyColumn: string): string {
  return `SELECT
      (SELECT coalesce(sum(recipients), 0) FROM ${rollup}
        WHERE ${keyColumn} = @key AND span_ms = 3600000 AND starts_at >= @nextHour)
    + (SELECT coalesce(sum(recipients), 0) FROM ${rollup}
        WHERE ${keyColumn} = @key AND span_ms = 60000 AND starts_at >= @nextMinute AND starts_at < @nextHour)
    + (SELECT count(*) FROM ${recipients}
        WHERE ${keyColumn} = @key AND last_counted_at > @since AND last_counted_at < @nextMinute) AS n`;
}
