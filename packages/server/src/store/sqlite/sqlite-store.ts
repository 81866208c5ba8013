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
import type { FrequencyCap } from '../../domain/frequency-cap.js';
import type { WidgetSession } from '../../domain/sessions.js';
import type {
  MarketingDelivery,
  MarketingDeliveryOutcome,
  MarketingSendCheck,
  MarketingSendPolicy,
} from '../frequency-cap-store.js';
import type {
  LedgerFilter,
  LedgerPageQuery,
  LedgerSnapshotRead,
  LedgerSeqRange,
  LedgerTotals,
  SequencedLedgerEntry,
} from '../statement-store.js';
import type { AccountListQuery, NewAccount, Store } from '../store.js';
import type { ChangeFanout, StoreChange, StoreChanges } from '../changes.js';
import { createChangeFanout } from '../changes.js';
import type { PhoneStatusStore } from '../phone-status-store.js';
import type { GraphReadClaim } from '../coordination-store.js';
import { accountWriteTags, ANY_ACCOUNT, CommittedReadMemo, NOTHING_MEMOIZED } from './committed-read-memo.js';
import { countWrites, type WriteCountedDatabase } from './write-counted-database.js';
import { SqliteCoordination } from './coordination.js';
import { SqliteFrequencyCaps } from './frequency-caps.js';
import { SqliteStatementQueries } from './statement-queries.js';
import type { MessageCharge, MessageStatusOutcome, MessageStatusUpdate } from '../../domain/billing/message-charge.js';
import type { AccountPricing, Rate } from '../../domain/pricing/rate-card.js';
import type { UnpricedMessages, UnpricedQuery, UsageCounts, UsageQuery, WebhookStat } from '../meta-billing-store.js';
import { SqliteMetaBilling } from './meta-billing-sqlite.js';
import { SqliteHostEvents } from './host-events.js';
import { SqliteMetaWebhookInbox } from './meta-webhook-inbox.js';
import { SqliteLowBalanceAlert } from './low-balance-alert.js';
import { SqlitePayments } from './payments.js';
import type { Payment, PaymentLink, PaymentSettlement, SettlementResult } from '../../domain/payments/payment.js';
import type { LinkCheckoutReservation, PrunedPayments } from '../payments-store.js';
import type { SandboxCheckout, SandboxCheckoutState } from '../sandbox-checkout-store.js';
import { migrate } from './migrate.js';
import { SqliteOperations } from './operations.js';
import { SqliteRateLimits } from './rate-limits.js';
import type { RateLimitCounts, RateLimitHit } from '../rate-limit-store.js';
import type { OperationalSnapshot } from '../operations-store.js';
import { migrations } from './migrations/index.js';
import { sqlitePhoneStatusStore } from './phone-status-store.js';
import type { AccountRow, LedgerEntryRow } from './rows.js';
import { toAccount, toLedgerEntry } from './rows.js';
import type { WalCheckpointer } from './wal-checkpointer.js';
import { startWalCheckpointer } from './wal-checkpointer.js';
import { SqliteWidgetSessions } from './widget-sessions.js';

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
  const db = countWrites(new Database(options.file));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // A status's savepoint keeps the original of every page it changes in a sub-journal; on disk
  // (the default) that was more than half of what the savepoints cost. Only rollback within a
  // transaction reads it, never crash recovery (the WAL does that), so memory loses nothing.
  db.pragma('temp_store = MEMORY');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  migrate(db, migrations);
  let checkpointer: WalCheckpointer | null = null;
  // A file's WAL is checkpointed from a worker thread (see startWalCheckpointer), not inside this connection's commits.
  if (options.file !== ':memory:') {
    // A backstop, not the checkpointer: under a steady stream of commits the worker's checkpoints
    // never catch up with the last frame, and only a checkpoint by the writer itself lets the next
    // commit restart the WAL from its start. At 10,000 pages (about 40 MB) that one copies the few
    // frames the worker has not, instead of 1,000 pages every 1,000 pages.
    db.pragma('wal_autocheckpoint = 10000');
    checkpointer = startWalCheckpointer(options.file, () => {
      // Without its worker the WAL would only grow: back to SQLite's checkpoints inside commits.
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
    });
  }
  return new SqliteStore(db, checkpointer);
}

const ACCOUNT_COLUMNS = `id, name, currency, waba_id, phone_number_id, display_phone_number, verified_name,
  business_portfolio_id, low_balance_threshold_micros, balance_micros, created_at, updated_at`;
const ENTRY_COLUMNS = `id, account_id, idempotency_key, type, kind, amount_micros, balance_after_micros,
  description, reference, details, created_at`;

class SqliteStore implements Store {
  readonly #db: WriteCountedDatabase;
  readonly #checkpointer: WalCheckpointer | null;
  readonly #statements;
  readonly #append;
  readonly phoneStatus;
  readonly #statement: SqliteStatementQueries;
  readonly #caps: SqliteFrequencyCaps;
  readonly #billing: SqliteMetaBilling;
  readonly #setThreshold;
  readonly #hostEvents: SqliteHostEvents;
  readonly webhookInbox: SqliteMetaWebhookInbox;
  readonly #lowBalanceAlert: SqliteLowBalanceAlert;
  readonly #payments: SqlitePayments;
  readonly #sessions: SqliteWidgetSessions;
  readonly #rateLimits: SqliteRateLimits;
  readonly #operations: SqliteOperations;
  readonly #coordination: SqliteCoordination;
  readonly #memo: CommittedReadMemo;
  readonly changes: StoreChanges;
  readonly #fanout: ChangeFanout;
  /**
   * Changes of the transaction running now (better-sqlite3 runs one at a time, synchronously), or
   * null outside {@link #announce}: a transaction announced otherwise (the status batches' group
   * commit) must not pile its changes up here.
   */
  #pending: StoreChange[] | null = null;

  constructor(db: WriteCountedDatabase, checkpointer: WalCheckpointer | null) {
    this.#db = db;
    this.#checkpointer = checkpointer;
    this.#fanout = createChangeFanout();
    this.changes = this.#fanout.changes;
    this.#memo = new CommittedReadMemo(db);
    const phoneStatus = sqlitePhoneStatusStore(db, this.#memo);
    this.phoneStatus = {
      ...phoneStatus,
      recordLimitEvent: (record) =>
        this.#announce(
          () => phoneStatus.recordLimitEvent(record),
          () => record.accountIds.map((accountId) => ({ kind: 'phone_status', accountId }) as const),
        ),
    } satisfies PhoneStatusStore;
    this.#statement = new SqliteStatementQueries(db);
    this.#caps = new SqliteFrequencyCaps(db);
    this.#sessions = new SqliteWidgetSessions(db, this.#memo);
    this.#coordination = new SqliteCoordination(db);
    this.#hostEvents = new SqliteHostEvents(db);
    this.webhookInbox = new SqliteMetaWebhookInbox(db);
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
      lastEntryAt: db
        .prepare<[string], number>(
          'SELECT created_at FROM ledger_entries INDEXED BY ledger_entries_by_account WHERE account_id = ? ORDER BY seq DESC LIMIT 1',
        )
        .pluck(),
      insertEntry: db.prepare(`INSERT INTO ledger_entries (${ENTRY_COLUMNS})
        VALUES (@id, @account_id, @idempotency_key, @type, @kind, @amount_micros, @balance_after_micros,
          @description, @reference, @details, @created_at)`),
      listEntries: db
        .prepare<[string], LedgerEntryRow>(
          `SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE account_id = ? ORDER BY seq`,
        )
        .safeIntegers(),
      sumDailyDebits: db
        .prepare<[string, string, number, number], { high: bigint | null; low: bigint | null }>(
          `SELECT SUM(debit_high) AS high, SUM(debit_low) AS low FROM ledger_daily_debits
            WHERE account_id = ? AND kind = ? AND day BETWEEN ? AND ?`,
        )
        .safeIntegers(),
    };
    // The body of an append, for a caller already inside a write transaction (and savepoint) of its own.
    const appendInTransaction = (entry: NewLedgerEntry, policy: LedgerPolicy, options: LedgerAppendOptions): LedgerAppendResult => {
      const existing = this.#statements.findEntry.get(entry.accountId, entry.idempotencyKey);
      if (existing) return { entry: toLedgerEntry(existing), replayed: true };
      const row = this.#statements.getAccount.get(entry.accountId);
      if (!row) throw new DomainError('not_found', 'account_not_found', `account ${entry.accountId} does not exist`);
      policy(toAccount(row), entry.amountMicros);
      const balanceAfter = row.balance_micros + entry.amountMicros;
      // Stamped under the write lock: never before the account's previous entry, so time order
      // and append (seq) order agree and a time bound of the statement is one seq bound, even when
      // another writer (or instance, or a skewed clock) committed a later time while this one waited.
      const at = Math.max(entry.createdAt.getTime(), this.#statements.lastEntryAt.get(entry.accountId) ?? -Infinity);
      const createdAt = new Date(at);
      const inserted: LedgerEntryRow = {
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
        created_at: BigInt(at),
      };
      this.#statements.insertEntry.run(inserted);
      this.#statements.updateBalance.run(balanceAfter, at, entry.accountId);
      // The row as written (a STRICT table stores these values as given), without reading it back.
      const written = toLedgerEntry(inserted);
      const accountAfter: Account = { ...toAccount(row), balanceMicros: balanceAfter, updatedAt: createdAt };
      this.#lowBalanceAlert.reevaluate(accountAfter, written.id, createdAt);
      if (options.hostEvents) this.#hostEvents.insert(options.hostEvents(written, accountAfter));
      this.#pending?.push({ kind: 'ledger', accountId: entry.accountId });
      return { entry: written, replayed: false };
    };
    this.#append = db.transaction(appendInTransaction);
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
      // Each status has a savepoint of its own already: a second one around its debit adds nothing.
      (entry, policy) => appendInTransaction(entry, policy, {}),
      (delivery) => this.#caps.recordDeliveryInTransaction(delivery),
      this.#memo,
    );
    this.#payments = new SqlitePayments(db, (entry, policy, options) => this.#append(entry, policy, options));
    this.#rateLimits = new SqliteRateLimits(db);
    this.#operations = new SqliteOperations(db, this.webhookInbox);
  }

  /**
   * Runs `run` (whose transaction runs synchronously, inside the call) and emits the changes it
   * collected, plus `extra`, once its promise resolves: after commit, never after a rollback.
   */
  #announce<T>(run: () => Promise<T>, extra: (result: T) => readonly StoreChange[] = () => []): Promise<T> {
    const outer = this.#pending;
    const mine: StoreChange[] = [];
    this.#pending = mine;
    let promise: Promise<T>;
    try {
      promise = run();
    } finally {
      this.#pending = outer;
    }
    return promise.then((result) => {
      for (const change of [...mine, ...extra(result)]) this.#fanout.emit(change);
      return result;
    });
  }

  async ping(): Promise<void> {
    this.#statements.ping.get();
  }

  async close(): Promise<void> {
    // The worker's connection first: the last connection to close checkpoints and removes the WAL.
    await this.#checkpointer?.stop();
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
    return this.#memo.read(`account:${id}`, () => {
      const row = this.#statements.getAccount.get(id);
      return row ? Object.freeze(toAccount(row)) : null;
    });
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
    return this.#announce(
      async () => this.#setThreshold.immediate(id, thresholdMicros, at),
      (account) => (account ? [{ kind: 'threshold', accountId: id }] : []),
    );
  }

  async appendLedgerEntry(
    entry: NewLedgerEntry,
    policy: LedgerPolicy,
    options: LedgerAppendOptions = {},
  ): Promise<LedgerAppendResult> {
    // IMMEDIATE takes the write lock before the balance is read, so no other connection can
    // slip a change in between the read and the write.
    return this.#announce(async () => this.#memo.write(accountWriteTags(entry.accountId), () => this.#append.immediate(entry, policy, options)));
  }

  async listLedgerEntries(accountId: string): Promise<LedgerEntry[]> {
    return this.#statements.listEntries.all(accountId).map(toLedgerEntry);
  }

  readLedgerSnapshot<T>(read: LedgerSnapshotRead<T>): Promise<T> {
    return this.#statement.readLedgerSnapshot(read);
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

  pruneMarketingSends(before: Date, limit?: number): Promise<number> {
    return this.#caps.pruneMarketingSends(before, limit);
  }

  async sumDailyDebits(accountId: string, kind: LedgerKind, firstDay: number, lastDay: number): Promise<bigint> {
    // The roll-up is kept by a trigger on ledger_entries (migration 0009), in the append's transaction.
    return this.#memo.read(
      `daily-debits:${accountId}:${kind}:${firstDay}:${lastDay}`,
      () => {
        const row = this.#statements.sumDailyDebits.get(accountId, kind, firstDay, lastDay);
        return (row?.high ?? 0n) * 1_000_000_000_000n + (row?.low ?? 0n);
      },
      [`account:${accountId}`],
    );
  }

  async enqueueHostEvents(events: readonly HostEvent[]): Promise<void> {
    this.#db.transaction(() => this.#hostEvents.insert(events))();
  }

  async claimDueHostEvents(now: Date, leaseUntil: Date, limit: number): Promise<OutboxHostEvent[]> {
    return this.#memo.write(NOTHING_MEMOIZED, () => this.#hostEvents.claimDue(now, leaseUntil, limit));
  }

  async markHostEventDelivered(id: string, at: Date): Promise<void> {
    this.#memo.write(NOTHING_MEMOIZED, () => this.#hostEvents.markDelivered(id, at));
  }

  async scheduleHostEventRetry(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    this.#memo.write(NOTHING_MEMOIZED, () => this.#hostEvents.scheduleRetry(id, nextAttemptAt, error));
  }

  async markHostEventFailed(id: string, at: Date, error: string): Promise<void> {
    this.#memo.write(NOTHING_MEMOIZED, () => this.#hostEvents.markFailed(id, at, error));
  }

  async listHostEvents(accountId: string): Promise<OutboxHostEvent[]> {
    return this.#hostEvents.list(accountId);
  }

  async pruneDeliveredHostEvents(deliveredBefore: Date, limit?: number): Promise<number> {
    return this.#hostEvents.pruneDelivered(deliveredBefore, limit);
  }

  // Widget sessions: see SqliteWidgetSessions.
  createWidgetSession(session: WidgetSession): Promise<void> {
    return this.#sessions.createWidgetSession(session);
  }
  findWidgetSession(secretHash: string): Promise<WidgetSession | null> {
    return this.#sessions.findWidgetSession(secretHash);
  }
  getWidgetSession(id: string): Promise<WidgetSession | null> {
    return this.#sessions.getWidgetSession(id);
  }
  revokeWidgetSession(id: string, at: Date): Promise<WidgetSession | null> {
    return this.#sessions.revokeWidgetSession(id, at);
  }
  revokeAccountWidgetSessions(accountId: string, at: Date): Promise<number> {
    return this.#sessions.revokeAccountWidgetSessions(accountId, at);
  }
  pruneWidgetSessions(expiredBefore: Date, limit?: number): Promise<number> {
    return this.#sessions.pruneWidgetSessions(expiredBefore, limit);
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
    // Batches are committed together on a later turn (group commit), outside this call: the
    // changes are the debits of the statuses whose savepoints committed, known from the outcomes.
    return this.#announce(
      () => this.#billing.applyMessageStatuses(accountId, updates),
      (outcomes) => (outcomes.some((outcome) => outcome.ok && outcome.debited) ? [{ kind: 'ledger', accountId }] : []),
    );
  }
  listUnpricedMessages(accountId: string, range: UnpricedQuery): Promise<UnpricedMessages> {
    return this.#billing.listUnpricedMessages(accountId, range);
  }
  listAccountsInPortfolio(businessPortfolioId: string): Promise<readonly Account[]> {
    // The usage widget asks on every read; the answer (its work done inside the call) is remembered between commits.
    return this.#memo.read(
      `portfolio-accounts:${businessPortfolioId}`,
      () => this.#billing.listAccountsInPortfolio(businessPortfolioId).then((accounts) => Object.freeze(accounts.map((a) => Object.freeze(a)))),
      [ANY_ACCOUNT],
    );
  }
  countUsage(query: UsageQuery): Promise<UsageCounts> {
    // The usage widget asks on every read, the same question for a whole second (its window ends at
    // one); a charge to any account forgets the answer (its work, one read transaction, done inside the call).
    const { portfolioKey, accountIds, since, newSince } = query;
    return this.#memo.read(
      `usage:${portfolioKey}:${since.getTime()}:${newSince.getTime()}:${accountIds.join(',')}`,
      () => this.#billing.countUsage(query),
      [ANY_ACCOUNT],
    );
  }
  pruneUsage(before: Date, limit?: number): Promise<number> {
    return this.#billing.pruneUsage(before, limit);
  }
  countWebhookEvent(name: string, key: string, at: Date): Promise<void> {
    return this.#memo.write(NOTHING_MEMOIZED, () => this.#billing.countWebhookEvent(name, key, at));
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
    return this.#announce(
      () => this.#payments.settlePayment(provider, providerPaymentId, decide),
      (result) => (result?.credited ? [{ kind: 'payment_credited', accountId: result.payment.accountId, paymentId: result.payment.id }] : []),
    );
  }
  createPaymentLink(link: PaymentLink): Promise<void> {
    return this.#payments.createPaymentLink(link);
  }
  getPaymentLink(id: string): Promise<PaymentLink | null> {
    return this.#payments.getPaymentLink(id);
  }
  findPaymentLinkByTokenHash(tokenHash: string): Promise<PaymentLink | null> {
    return this.#payments.findPaymentLinkByTokenHash(tokenHash);
  }
  reserveLinkCheckout(linkId: string, paymentId: string, provider: string, now: Date, staleBefore: Date): Promise<LinkCheckoutReservation> {
    return this.#payments.reserveLinkCheckout(linkId, paymentId, provider, now, staleBefore);
  }
  fillLinkCheckout(payment: Payment, now: Date): Promise<boolean> {
    return this.#payments.fillLinkCheckout(payment, now);
  }
  releaseLinkCheckout(linkId: string, paymentId: string): Promise<void> {
    return this.#payments.releaseLinkCheckout(linkId, paymentId);
  }
  listPendingLinkPayments(linkId: string): Promise<Payment[]> {
    return this.#payments.listPendingLinkPayments(linkId);
  }
  abandonPayment(id: string, at: Date): Promise<Payment | null> {
    return this.#payments.abandonPayment(id, at);
  }
  pruneExpiredPayments(cutoff: Date): Promise<PrunedPayments> {
    return this.#payments.pruneExpiredPayments(cutoff);
  }
  // Sandbox checkouts: see SqlitePayments.
  createSandboxCheckout(checkout: SandboxCheckout): Promise<void> {
    return this.#payments.createSandboxCheckout(checkout);
  }
  getSandboxCheckout(id: string): Promise<SandboxCheckout | null> {
    return this.#payments.getSandboxCheckout(id);
  }
  moveSandboxCheckout(id: string, from: SandboxCheckoutState, to: SandboxCheckoutState): Promise<boolean> {
    return this.#payments.moveSandboxCheckout(id, from, to);
  }
  listPaymentLinks(accountId: string, limit: number): Promise<PaymentLink[]> {
    return this.#payments.listPaymentLinks(accountId, limit);
  }
  cancelPaymentLink(id: string, at: Date): Promise<PaymentLink | null> {
    return this.#payments.cancelPaymentLink(id, at);
  }

  takeRateLimitHit(hit: RateLimitHit, admit: (counts: RateLimitCounts) => boolean) {
    return this.#memo.write(NOTHING_MEMOIZED, () => this.#rateLimits.takeRateLimitHit(hit, admit));
  }

  operationalSnapshot(): Promise<OperationalSnapshot> {
    return this.#operations.operationalSnapshot();
  }

  // Stream slots and Graph read claims: see SqliteCoordination.
  acquireStreamSlot(sessionId: string, slotId: string, max: number, now: Date, expiresAt: Date): Promise<boolean> {
    return this.#memo.write(NOTHING_MEMOIZED, () => this.#coordination.acquireStreamSlot(sessionId, slotId, max, now, expiresAt));
  }
  renewStreamSlot(slotId: string, expiresAt: Date): Promise<void> {
    return this.#memo.write(NOTHING_MEMOIZED, () => this.#coordination.renewStreamSlot(slotId, expiresAt));
  }
  releaseStreamSlot(slotId: string): Promise<void> {
    return this.#memo.write(NOTHING_MEMOIZED, () => this.#coordination.releaseStreamSlot(slotId));
  }
  claimGraphRead(accountId: string, now: Date, minIntervalMs: number, leaseUntil: Date): Promise<GraphReadClaim> {
    return this.#memo.write(NOTHING_MEMOIZED, () => this.#coordination.claimGraphRead(accountId, now, minIntervalMs, leaseUntil));
  }
  finishGraphRead(accountId: string): Promise<void> {
    return this.#memo.write(NOTHING_MEMOIZED, () => this.#coordination.finishGraphRead(accountId));
  }
  forgetGraphReadAttempt(accountId: string): Promise<void> {
    return this.#memo.write(NOTHING_MEMOIZED, () => this.#coordination.forgetGraphReadAttempt(accountId));
  }
}

function isUniqueViolation(error: unknown, column: string): boolean {
  return (
    error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes(column)
  );
}
