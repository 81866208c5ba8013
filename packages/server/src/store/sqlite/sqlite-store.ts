import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Account } from '../../domain/accounts.js';
import { DomainError } from '../../domain/errors.js';
import type { HostEvent, OutboxHostEvent } from '../../domain/host-events/host-event.js';
import type {
  LedgerAppendOptions,
  LedgerAppendResult,
  LedgerEntry,
  LedgerKind,
  LedgerPolicy,
  NewLedgerEntry,
} from '../../domain/ledger.js';
import type { WidgetSession } from '../../domain/sessions.js';
import type { FrequencyCap } from '../../domain/frequency-cap.js';
import type {
  MarketingDelivery,
  MarketingDeliveryOutcome,
  MarketingSendCheck,
  MarketingSendPolicy,
} from '../frequency-cap-store.js';
import type { LedgerFilter, LedgerPageQuery, LedgerSeqRange, LedgerTotals, SequencedLedgerEntry } from '../statement-store.js';
import type { AccountListQuery, NewAccount, Store } from '../store.js';
import { SqliteFrequencyCaps } from './frequency-caps.js';
import { SqliteStatementQueries } from './statement-queries.js';
import type { MessageCharge, MessageStatusOutcome, MessageStatusUpdate } from '../../domain/billing/message-charge.js';
import type { AccountPricing, Rate } from '../../domain/pricing/rate-card.js';
import type { UnpricedMessages, UnpricedQuery, UsageCounts, UsageQuery, WebhookStat } from '../meta-billing-store.js';
import { SqliteMetaBilling } from './meta-billing-sqlite.js';
import { SqliteHostEvents } from './host-events.js';
import { SqliteLowBalanceAlert } from './low-balance-alert.js';
import { SqlitePayments } from './payments.js';
import type { Payment, PaymentLink, PaymentSettlement, SettlementResult } from '../../domain/payments/payment.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { sqlitePhoneStatusStore } from './phone-status-store.js';
import type { AccountRow, LedgerEntryRow, WidgetSessionRow } from './rows.js';
import { toAccount, toLedgerEntry, toWidgetSession } from './rows.js';

/** Where the database lives: a file path (its folder is created) or `:memory:`. */
export interface SqliteStoreOptions {
  readonly file: string;
  /** How long a writer waits for another connection's lock, in ms. */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens (creating and migrating as needed) an SQLite database and returns a {@link Store} over it.
 * better-sqlite3 is synchronous, so each method runs to completion before any other: atomic.
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  migrate(db, migrations);
  return new SqliteStore(db);
}

const ACCOUNT_COLUMNS = `id, name, currency, waba_id, phone_number_id, display_phone_number, verified_name,
  business_portfolio_id, low_balance_threshold_micros, balance_micros, created_at, updated_at`;
const ENTRY_COLUMNS = `id, account_id, idempotency_key, type, kind, amount_micros, balance_after_micros,
  description, reference, details, created_at`;

class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #statements;
  readonly #append;
  readonly phoneStatus;
  readonly #statement: SqliteStatementQueries;
  readonly #caps: SqliteFrequencyCaps;
  readonly #billing: SqliteMetaBilling;
  readonly #setThreshold;
  readonly #hostEvents: SqliteHostEvents;
  readonly #lowBalanceAlert: SqliteLowBalanceAlert;
  readonly #payments: SqlitePayments;

  constructor(db: Database.Database) {
    this.#db = db;
    this.phoneStatus = sqlitePhoneStatusStore(db);
    this.#statement = new SqliteStatementQueries(db);
    this.#caps = new SqliteFrequencyCaps(db);
    this.#hostEvents = new SqliteHostEvents(db);
    this.#lowBalanceAlert = new SqliteLowBalanceAlert(db, this.#hostEvents);
    this.#statements = {
      ping: db.prepare('SELECT 1'),
      insertAccount: db.prepare(`INSERT INTO accounts (${ACCOUNT_COLUMNS})
        VALUES (@id, @name, @currency, @waba_id, @phone_number_id, @display_phone_number, @verified_name,
          @business_portfolio_id, @low_balance_threshold_micros, 0, @created_at, @created_at)`),
      getAccount: db.prepare<[string], AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ?`).safeIntegers(),
      getAccountByPhone: db
        .prepare<[string], AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE phone_number_id = ?`)
        .safeIntegers(),
      listAccounts: db
        .prepare<[number], AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY created_at, id LIMIT ?`)
        .safeIntegers(),
      listAccountsAfter: db
        .prepare<[number, string, number], AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts
          WHERE (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?`)
        .safeIntegers(),
      updateThreshold: db.prepare<[bigint | null, number, string]>(
        'UPDATE accounts SET low_balance_threshold_micros = ?, updated_at = ? WHERE id = ?',
      ),
      updateBalance: db.prepare<[bigint, number, string]>(
        'UPDATE accounts SET balance_micros = ?, updated_at = ? WHERE id = ?',
      ),
      findEntry: db
        .prepare<[string, string], LedgerEntryRow>(
          `SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE account_id = ? AND idempotency_key = ?`,
        )
        .safeIntegers(),
      insertEntry: db.prepare(`INSERT INTO ledger_entries (${ENTRY_COLUMNS})
        VALUES (@id, @account_id, @idempotency_key, @type, @kind, @amount_micros, @balance_after_micros,
          @description, @reference, @details, @created_at)`),
      listEntries: db
        .prepare<[string], LedgerEntryRow>(
          `SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE account_id = ? ORDER BY seq`,
        )
        .safeIntegers(),
      insertSession: db.prepare(`INSERT INTO widget_sessions (id, secret_hash, account_id, permissions, expires_at, created_at)
        VALUES (@id, @secret_hash, @account_id, @permissions, @expires_at, @created_at)`),
      sumDailyDebits: db
        .prepare<[string, string, number, number], { high: bigint | null; low: bigint | null }>(
          `SELECT SUM(debit_high) AS high, SUM(debit_low) AS low FROM ledger_daily_debits
            WHERE account_id = ? AND kind = ? AND day BETWEEN ? AND ?`,
        )
        .safeIntegers(),
      findSession: db
        .prepare<[string], WidgetSessionRow>(
          'SELECT id, secret_hash, account_id, permissions, expires_at, created_at FROM widget_sessions WHERE secret_hash = ?',
        )
        .safeIntegers(),
    };
    this.#append = db.transaction((entry: NewLedgerEntry, policy: LedgerPolicy, options: LedgerAppendOptions): LedgerAppendResult => {
      const existing = this.#statements.findEntry.get(entry.accountId, entry.idempotencyKey);
      if (existing) return { entry: toLedgerEntry(existing), replayed: true };
      const row = this.#statements.getAccount.get(entry.accountId);
      if (!row) throw new DomainError('not_found', 'account_not_found', `account ${entry.accountId} does not exist`);
      policy(toAccount(row), entry.amountMicros);
      const balanceAfter = row.balance_micros + entry.amountMicros;
      const at = entry.createdAt.getTime();
      this.#statements.insertEntry.run({
        id: entry.id,
        account_id: entry.accountId,
        idempotency_key: entry.idempotencyKey,
        type: entry.amountMicros < 0n ? 'debit' : 'credit',
        kind: entry.kind,
        amount_micros: entry.amountMicros,
        balance_after_micros: balanceAfter,
        description: entry.description,
        reference: entry.reference,
        details: entry.details ? JSON.stringify(entry.details) : null,
        created_at: at,
      });
      this.#statements.updateBalance.run(balanceAfter, at, entry.accountId);
      const inserted = this.#statements.findEntry.get(entry.accountId, entry.idempotencyKey);
      if (!inserted) throw new Error('ledger entry vanished inside its own transaction');
      const written = toLedgerEntry(inserted);
      const accountAfter: Account = { ...toAccount(row), balanceMicros: balanceAfter, updatedAt: entry.createdAt };
      this.#lowBalanceAlert.reevaluate(accountAfter, written.id, entry.createdAt);
      if (options.hostEvents) this.#hostEvents.insert(options.hostEvents(written, accountAfter));
      return { entry: written, replayed: false };
    });
    this.#setThreshold = db.transaction((id: string, thresholdMicros: bigint | null, at: Date): Account | null => {
      this.#statements.updateThreshold.run(thresholdMicros, at.getTime(), id);
      const row = this.#statements.getAccount.get(id);
      if (!row) return null;
      const account = toAccount(row);
      this.#lowBalanceAlert.reevaluate(account, null, at);
      return account;
    });
    this.#billing = new SqliteMetaBilling(
      db,
      ACCOUNT_COLUMNS,
      (entry, policy) => this.#append(entry, policy, {}),
      (delivery) => this.#caps.recordDeliveryInTransaction(delivery),
    );
    this.#payments = new SqlitePayments(db, (entry, policy, options) => this.#append(entry, policy, options));
  }

  async ping(): Promise<void> {
    this.#statements.ping.get();
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }

  async createAccount(account: NewAccount): Promise<Account> {
    try {
      this.#statements.insertAccount.run({
        id: account.id,
        name: account.name,
        currency: account.currency,
        waba_id: account.wabaId,
        phone_number_id: account.phoneNumberId,
        display_phone_number: account.displayPhoneNumber,
        verified_name: account.verifiedName,
        business_portfolio_id: account.businessPortfolioId,
        low_balance_threshold_micros: account.lowBalanceThresholdMicros,
        created_at: account.createdAt.getTime(),
      });
    } catch (error) {
      if (isUniqueViolation(error, 'accounts.phone_number_id')) {
        throw new DomainError(
          'conflict',
          'phone_number_taken',
          `phone_number_id: ${account.phoneNumberId} already belongs to an account`,
        );
      }
      throw error;
    }
    const created = await this.getAccount(account.id);
    if (!created) throw new Error('account vanished right after insert');
    return created;
  }

  async getAccount(id: string): Promise<Account | null> {
    const row = this.#statements.getAccount.get(id);
    return row ? toAccount(row) : null;
  }

  async findAccountByPhoneNumberId(phoneNumberId: string): Promise<Account | null> {
    const row = this.#statements.getAccountByPhone.get(phoneNumberId);
    return row ? toAccount(row) : null;
  }

  async listAccounts(query: AccountListQuery): Promise<Account[]> {
    const rows = query.after
      ? this.#statements.listAccountsAfter.all(query.after.createdAt.getTime(), query.after.id, query.limit)
      : this.#statements.listAccounts.all(query.limit);
    return rows.map(toAccount);
  }

  async updateLowBalanceThreshold(id: string, thresholdMicros: bigint | null, at: Date): Promise<Account | null> {
    return this.#setThreshold.immediate(id, thresholdMicros, at);
  }

  async appendLedgerEntry(
    entry: NewLedgerEntry,
    policy: LedgerPolicy,
    options: LedgerAppendOptions = {},
  ): Promise<LedgerAppendResult> {
    // IMMEDIATE takes the write lock before the balance is read, so no other connection can
    // slip a change in between the read and the write.
    return this.#append.immediate(entry, policy, options);
  }

  async listLedgerEntries(accountId: string): Promise<LedgerEntry[]> {
    return this.#statements.listEntries.all(accountId).map(toLedgerEntry);
  }

  ledgerSeqRange(accountId: string, from: Date | null, to: Date | null): Promise<LedgerSeqRange> {
    return this.#statement.ledgerSeqRange(accountId, from, to);
  }

  listLedgerPage(query: LedgerPageQuery): Promise<SequencedLedgerEntry[]> {
    return this.#statement.listLedgerPage(query);
  }

  balanceBeforeSeq(accountId: string, seq: number): Promise<bigint> {
    return this.#statement.balanceBeforeSeq(accountId, seq);
  }

  sumLedger(accountId: string, from: Date, to: Date, filter: LedgerFilter): Promise<LedgerTotals> {
    return this.#statement.sumLedger(accountId, from, to, filter);
  }

  getLedgerEntryBySeq(accountId: string, seq: number): Promise<SequencedLedgerEntry | null> {
    return this.#statement.getLedgerEntryBySeq(accountId, seq);
  }

  getFrequencyCap(accountId: string): Promise<FrequencyCap | null> {
    return this.#caps.getFrequencyCap(accountId);
  }

  putFrequencyCap(accountId: string, cap: FrequencyCap, at: Date): Promise<FrequencyCap> {
    return this.#caps.putFrequencyCap(accountId, cap, at);
  }

  checkMarketingSend<T>(check: MarketingSendCheck, policy: MarketingSendPolicy<T>): Promise<T> {
    return this.#caps.checkMarketingSend(check, policy);
  }

  recordMarketingDelivery(delivery: MarketingDelivery): Promise<MarketingDeliveryOutcome> {
    return this.#caps.recordMarketingDelivery(delivery);
  }

  pruneMarketingSends(before: Date): Promise<number> {
    return this.#caps.pruneMarketingSends(before);
  }

  async sumDailyDebits(accountId: string, kind: LedgerKind, firstDay: number, lastDay: number): Promise<bigint> {
    // The roll-up is kept by a trigger on ledger_entries (migration 0009), in the append's transaction.
    const row = this.#statements.sumDailyDebits.get(accountId, kind, firstDay, lastDay);
    return (row?.high ?? 0n) * 1_000_000_000_000n + (row?.low ?? 0n);
  }

  async enqueueHostEvents(events: readonly HostEvent[]): Promise<void> {
    this.#db.transaction(() => this.#hostEvents.insert(events))();
  }

  async claimDueHostEvents(now: Date, leaseUntil: Date, limit: number): Promise<OutboxHostEvent[]> {
    return this.#hostEvents.claimDue(now, leaseUntil, limit);
  }

  async markHostEventDelivered(id: string, at: Date): Promise<void> {
    this.#hostEvents.markDelivered(id, at);
  }

  async scheduleHostEventRetry(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    this.#hostEvents.scheduleRetry(id, nextAttemptAt, error);
  }

  async markHostEventFailed(id: string, at: Date, error: string): Promise<void> {
    this.#hostEvents.markFailed(id, at, error);
  }

  async listHostEvents(accountId: string): Promise<OutboxHostEvent[]> {
    return this.#hostEvents.list(accountId);
  }

  async createWidgetSession(session: WidgetSession): Promise<void> {
    this.#statements.insertSession.run({
      id: session.id,
      secret_hash: session.secretHash,
      account_id: session.accountId,
      permissions: JSON.stringify(session.permissions),
      expires_at: session.expiresAt.getTime(),
      created_at: session.createdAt.getTime(),
    });
  }

  async findWidgetSession(secretHash: string): Promise<WidgetSession | null> {
    const row = this.#statements.findSession.get(secretHash);
    return row ? toWidgetSession(row) : null;
  }

  // Rate cards, message charges, usage and webhook counters: see SqliteMetaBilling.
  replaceRateCard(currency: string, rates: readonly Rate[], at: Date): Promise<void> {
    return this.#billing.replaceRateCard(currency, rates, at);
  }
  listDefaultRates(currency: string, market?: string): Promise<Rate[]> {
    return this.#billing.listDefaultRates(currency, market);
  }
  getAccountPricing(accountId: string, market?: string): Promise<AccountPricing> {
    return this.#billing.getAccountPricing(accountId, market);
  }
  setAccountPricing(accountId: string, pricing: AccountPricing, at: Date): Promise<void> {
    return this.#billing.setAccountPricing(accountId, pricing, at);
  }
  getMessageCharge(accountId: string, wamid: string): Promise<MessageCharge | null> {
    return this.#billing.getMessageCharge(accountId, wamid);
  }
  applyMessageStatuses(accountId: string, updates: readonly MessageStatusUpdate[]): Promise<MessageStatusOutcome[]> {
    return this.#billing.applyMessageStatuses(accountId, updates);
  }
  listUnpricedMessages(accountId: string, range: UnpricedQuery): Promise<UnpricedMessages> {
    return this.#billing.listUnpricedMessages(accountId, range);
  }
  listAccountsInPortfolio(businessPortfolioId: string): Promise<Account[]> {
    return this.#billing.listAccountsInPortfolio(businessPortfolioId);
  }
  countUsage(query: UsageQuery): Promise<UsageCounts> {
    return this.#billing.countUsage(query);
  }
  pruneUsage(before: Date): Promise<number> {
    return this.#billing.pruneUsage(before);
  }
  countWebhookEvent(name: string, key: string, at: Date): Promise<void> {
    return this.#billing.countWebhookEvent(name, key, at);
  }
  listWebhookStats(): Promise<WebhookStat[]> {
    return this.#billing.listWebhookStats();
  }

  // Top-ups, payment links and their checkouts: see SqlitePayments.
  createPayment(payment: Payment): Promise<void> {
    return this.#payments.createPayment(payment);
  }
  getPayment(id: string): Promise<Payment | null> {
    return this.#payments.getPayment(id);
  }
  expirePayments(now: Date, ids?: readonly string[]): Promise<void> {
    return this.#payments.expirePayments(now, ids);
  }
  findOpenLinkPayment(linkId: string, now: Date): Promise<Payment | null> {
    return this.#payments.findOpenLinkPayment(linkId, now);
  }
  settlePayment(
    provider: string,
    providerPaymentId: string,
    decide: (payment: Payment, link: PaymentLink | null) => PaymentSettlement | null,
  ): Promise<SettlementResult | null> {
    return this.#payments.settlePayment(provider, providerPaymentId, decide);
  }
  createPaymentLink(link: PaymentLink): Promise<void> {
    return this.#payments.createPaymentLink(link);
  }
  getPaymentLink(id: string): Promise<PaymentLink | null> {
    return this.#payments.getPaymentLink(id);
  }
  findPaymentLinkByToken(token: string): Promise<PaymentLink | null> {
    return this.#payments.findPaymentLinkByToken(token);
  }
  listPaymentLinks(accountId: string, limit: number): Promise<PaymentLink[]> {
    return this.#payments.listPaymentLinks(accountId, limit);
  }
  cancelPaymentLink(id: string, at: Date): Promise<PaymentLink | null> {
    return this.#payments.cancelPaymentLink(id, at);
  }
}

function isUniqueViolation(error: unknown, column: string): boolean {
  return (
    error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes(column)
  );
}
