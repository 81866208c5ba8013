import type { Account } from '../../domain/accounts.js';
import { DomainError } from '../../domain/errors.js';
import type { HostEvent, OutboxHostEvent } from '../../domain/host-events/host-event.js';
import type { LedgerAppendOptions, LedgerAppendResult, LedgerEntry, LedgerPolicy, NewLedgerEntry } from '../../domain/ledger.js';
import type { StoreChange, StoreChanges } from '../changes.js';
import { createChangeFanout, isStoreChange } from '../changes.js';
import type { AccountRow, LedgerEntryRow } from '../sqlite/rows.js';
import { toAccount, toLedgerEntry } from '../sqlite/rows.js';
import type { AccountListQuery, NewAccount, Store } from '../store.js';
import type { Db, RunInTransaction, Tx } from './db.js';
import { isUniqueViolation, openPool } from './db.js';
import { PgCoordination } from './coordination.js';
import { PgFrequencyCaps } from './frequency-caps.js';
import { PgHostEvents } from './host-events.js';
import { PgMetaWebhookInbox } from './meta-webhook-inbox.js';
import type { LockedAccountRow } from './ledger.js';
import { appendInTransaction, reevaluateLowBalanceAlert } from './ledger.js';
import { PgMetaBilling } from './meta-billing.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { PgPayments } from './payments.js';
import { pgPhoneStatusStore } from './phone-status-store.js';
import { PgOperations } from './operations.js';
import { PgRateLimits } from './rate-limits.js';
import { PgStatementQueries } from './statement-queries.js';
import { PgWidgetSessions } from './widget-sessions.js';

/** Where the database is, and how to use it. */
export interface PostgresStoreOptions {
  /** `postgres://user@host:port/db` (DATABASE_URL). */
  readonly url: string;
  /** Schema holding the tables, created when missing (`public`). Tests give each app its own. */
  readonly schema?: string | undefined;
  /** Connections in the pool (10). */
  readonly maxConnections?: number | undefined;
  /** Told about a change notification that could not be read or heard. */
  readonly onError?: ((error: unknown) => void) | undefined;
}

/** A {@link Store} on PostgreSQL; `ready` settles once the schema is migrated and changes are heard. */
export interface PostgresStore extends Store {
  readonly ready: Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens a {@link Store} on PostgreSQL: migrates the schema (once, whichever instance gets there
 * first) and LISTENs for committed changes. Returns at once; every method waits for `ready`.
 * Any number of server instances may share the database: every money path runs in a transaction
 * that locks the account's row, and committed changes reach every instance through NOTIFY.
 */
export function openPostgresStore(options: PostgresStoreOptions): PostgresStore {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`schema: ${schema} is not a plain lower-case identifier`);
  return new PgStore(options, schema);
}

class PgStore implements PostgresStore {
  readonly ready: Promise<void>;
  readonly changes: StoreChanges;
  readonly phoneStatus;
  readonly #db: Db;
  readonly #channel: string;
  readonly #statement: PgStatementQueries;
  readonly #caps: PgFrequencyCaps;
  readonly #billing: PgMetaBilling;
  readonly #hostEvents: PgHostEvents;
  readonly webhookInbox: PgMetaWebhookInbox;
  readonly #payments: PgPayments;
  readonly #coordination: PgCoordination;
  readonly #sessions: PgWidgetSessions;
  readonly #rateLimits: PgRateLimits;
  readonly #operations: PgOperations;
  #closed = false;

  constructor(options: PostgresStoreOptions, schema: string) {
    const onError = options.onError ?? console.error;
    const fanout = createChangeFanout(onError);
    this.changes = fanout.changes;
    this.#db = openPool(options.url, schema, options.maxConnections ?? 10);
    const channel = schema === 'public' ? 'wa_changes' : `wa_changes_${schema}`;
    this.#channel = channel;
    const db = this.#db;
    this.ready = (async () => {
      await db`CREATE SCHEMA IF NOT EXISTS ${db(schema)}`.catch((error: unknown) => {
        // Two instances creating it at once: one wins, the other finds it there.
        if ((error as { code?: string }).code !== '23505') throw error;
      });
      await migrate(db, migrations);
      // The listening connection is the client's own; it reconnects and listens again by itself,
      // and says so (`onlisten`): what was committed while it was away was not heard, a gap.
      let listening = false;
      await db.listen(
        channel,
        (payload) => {
          try {
            const change: unknown = JSON.parse(payload);
            if (isStoreChange(change)) fanout.emit(change);
          } catch (error) {
            onError(error);
          }
        },
        () => {
          if (listening) fanout.gap();
          listening = true;
        },
      );
    })();
    this.ready.catch(() => {}); // surfaced by the first call that awaits it
    const sql = () => this.#ready();
    const transaction: RunInTransaction = (work) => this.#transaction(work);
    this.#statement = new PgStatementQueries(sql);
    this.#caps = new PgFrequencyCaps(sql);
    this.#hostEvents = new PgHostEvents(sql);
    this.webhookInbox = new PgMetaWebhookInbox(sql);
    this.#coordination = new PgCoordination(sql);
    this.#sessions = new PgWidgetSessions(sql);
    this.#rateLimits = new PgRateLimits(sql);
    this.#operations = new PgOperations(sql, this.webhookInbox);
    this.phoneStatus = pgPhoneStatusStore(sql, transaction);
    this.#billing = new PgMetaBilling(sql, transaction, appendInTransaction);
    this.#payments = new PgPayments(sql, transaction, appendInTransaction);
  }

  async #ready(): Promise<Db> {
    if (this.#closed) throw new Error('the store is closed');
    await this.ready;
    return this.#db;
  }

  async #transaction<T>(work: (tx: Tx, changes: StoreChange[]) => Promise<T>): Promise<T> {
    const db = await this.#ready();
    return db.begin(async (tx) => {
      const changes: StoreChange[] = [];
      const result = await work(tx, changes);
      const seen = new Set<string>();
      for (const change of changes) {
        const payload = JSON.stringify(change);
        if (seen.has(payload)) continue;
        seen.add(payload);
        await tx`SELECT pg_notify(${this.#channel}, ${payload})`;
      }
      return result;
    }) as Promise<T>;
  }

  async ping(): Promise<void> {
    const db = await this.#ready();
    await db`SELECT 1`;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.ready.catch(() => {});
    await this.#db.end({ timeout: 5 });
  }

  async createAccount(account: NewAccount): Promise<Account> {
    const db = await this.#ready();
    const at = account.createdAt.getTime();
    try {
      const [row] = await db<AccountRow[]>`INSERT INTO accounts (id, name, currency, waba_id, phone_number_id, display_phone_number,
          verified_name, business_portfolio_id, low_balance_threshold_micros, balance_micros, created_at, updated_at)
        VALUES (${account.id}, ${account.name}, ${account.currency}, ${account.wabaId}, ${account.phoneNumberId},
          ${account.displayPhoneNumber}, ${account.verifiedName}, ${account.businessPortfolioId},
          ${account.lowBalanceThresholdMicros}, 0, ${at}, ${at})
        RETURNING *`;
      if (!row) throw new Error('INSERT … RETURNING returned no account');
      return toAccount(row);
    } catch (error) {
      if (isUniqueViolation(error, 'accounts_phone_number_id_key')) {
        throw new DomainError('conflict', 'phone_number_taken', `phone_number_id: ${account.phoneNumberId} already belongs to an account`);
      }
      throw error;
    }
  }

  async getAccount(id: string): Promise<Account | null> {
    const db = await this.#ready();
    const [row] = await db<AccountRow[]>`SELECT * FROM accounts WHERE id = ${id}`;
    return row ? toAccount(row) : null;
  }

  async findAccountByPhoneNumberId(phoneNumberId: string): Promise<Account | null> {
    const db = await this.#ready();
    const [row] = await db<AccountRow[]>`SELECT * FROM accounts WHERE phone_number_id = ${phoneNumberId}`;
    return row ? toAccount(row) : null;
  }

  async listAccounts(query: AccountListQuery): Promise<Account[]> {
    const db = await this.#ready();
    const rows = query.after
      ? await db<AccountRow[]>`SELECT * FROM accounts WHERE (created_at, id) > (${query.after.createdAt.getTime()}, ${query.after.id})
          ORDER BY created_at, id LIMIT ${query.limit}`
      : await db<AccountRow[]>`SELECT * FROM accounts ORDER BY created_at, id LIMIT ${query.limit}`;
    return rows.map(toAccount);
  }

  async updateLowBalanceThreshold(id: string, thresholdMicros: bigint | null, at: Date): Promise<Account | null> {
    return this.#transaction(async (tx, changes) => {
      const [row] = await tx<LockedAccountRow[]>`UPDATE accounts SET low_balance_threshold_micros = ${thresholdMicros}, updated_at = ${at.getTime()}
        WHERE id = ${id} RETURNING *`;
      if (!row) return null;
      const account = toAccount(row);
      await reevaluateLowBalanceAlert(tx, account, row.low_balance_alert_armed, null, at);
      changes.push({ kind: 'threshold', accountId: id });
      return account;
    });
  }

  async appendLedgerEntry(entry: NewLedgerEntry, policy: LedgerPolicy, options: LedgerAppendOptions = {}): Promise<LedgerAppendResult> {
    return this.#transaction((tx, changes) => appendInTransaction(tx, changes, entry, policy, options));
  }

  async listLedgerEntries(accountId: string): Promise<LedgerEntry[]> {
    const db = await this.#ready();
    const rows = await db<LedgerEntryRow[]>`SELECT * FROM ledger_entries WHERE account_id = ${accountId} ORDER BY seq`;
    return rows.map(toLedgerEntry);
  }

  sumDailyDebits: Store['sumDailyDebits'] = (accountId, kind, firstDay, lastDay) => this.#billing.sumDailyDebits(accountId, kind, firstDay, lastDay);

  // Widget sessions: see PgWidgetSessions.
  createWidgetSession: Store['createWidgetSession'] = (session) => this.#sessions.createWidgetSession(session);
  findWidgetSession: Store['findWidgetSession'] = (secretHash) => this.#sessions.findWidgetSession(secretHash);
  getWidgetSession: Store['getWidgetSession'] = (id) => this.#sessions.getWidgetSession(id);
  revokeWidgetSession: Store['revokeWidgetSession'] = (id, at) => this.#sessions.revokeWidgetSession(id, at);
  revokeAccountWidgetSessions: Store['revokeAccountWidgetSessions'] = (accountId, at) => this.#sessions.revokeAccountWidgetSessions(accountId, at);
  pruneWidgetSessions: Store['pruneWidgetSessions'] = (expiredBefore, limit) => this.#sessions.pruneWidgetSessions(expiredBefore, limit);

  // Rate limits and operators' figures: see PgRateLimits, PgOperations.
  takeRateLimitHit: Store['takeRateLimitHit'] = (hit, admit) => this.#rateLimits.takeRateLimitHit(hit, admit);
  operationalSnapshot: Store['operationalSnapshot'] = () => this.#operations.operationalSnapshot();

  // Host-event outbox: see PgHostEvents.
  enqueueHostEvents(events: readonly HostEvent[]): Promise<void> {
    return this.#hostEvents.enqueue(events);
  }
  claimDueHostEvents(now: Date, leaseUntil: Date, limit: number): Promise<OutboxHostEvent[]> {
    return this.#hostEvents.claimDue(now, leaseUntil, limit);
  }
  markHostEventDelivered(id: string, at: Date): Promise<void> {
    return this.#hostEvents.markDelivered(id, at);
  }
  scheduleHostEventRetry(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    return this.#hostEvents.scheduleRetry(id, nextAttemptAt, error);
  }
  markHostEventFailed(id: string, at: Date, error: string): Promise<void> {
    return this.#hostEvents.markFailed(id, at, error);
  }
  listHostEvents(accountId: string): Promise<OutboxHostEvent[]> {
    return this.#hostEvents.list(accountId);
  }
  pruneDeliveredHostEvents(deliveredBefore: Date, limit?: number): Promise<number> {
    return this.#hostEvents.pruneDelivered(deliveredBefore, limit);
  }


  // Statement reads: see PgStatementQueries.
  readLedgerSnapshot: Store['readLedgerSnapshot'] = (read) => this.#statement.readLedgerSnapshot(read);
  ledgerSeqRange: Store['ledgerSeqRange'] = (accountId, from, to) => this.#statement.ledgerSeqRange(accountId, from, to);
  listLedgerPage: Store['listLedgerPage'] = (query) => this.#statement.listLedgerPage(query);
  balanceBeforeSeq: Store['balanceBeforeSeq'] = (accountId, seq) => this.#statement.balanceBeforeSeq(accountId, seq);
  sumLedger: Store['sumLedger'] = (accountId, from, to, filter) => this.#statement.sumLedger(accountId, from, to, filter);
  getLedgerEntryBySeq: Store['getLedgerEntryBySeq'] = (accountId, seq) => this.#statement.getLedgerEntryBySeq(accountId, seq);

  // Frequency caps: see PgFrequencyCaps.
  getFrequencyCap: Store['getFrequencyCap'] = (accountId) => this.#caps.getFrequencyCap(accountId);
  putFrequencyCap: Store['putFrequencyCap'] = (accountId, cap, at) => this.#caps.putFrequencyCap(accountId, cap, at);
  checkMarketingSend: Store['checkMarketingSend'] = (check, policy) => this.#caps.checkMarketingSend(check, policy);
  recordMarketingDelivery: Store['recordMarketingDelivery'] = (delivery) => this.#caps.recordMarketingDelivery(delivery);
  pruneMarketingSends: Store['pruneMarketingSends'] = (before, limit) => this.#caps.pruneMarketingSends(before, limit);

  // Rate cards, message charges, usage and webhook counters: see PgMetaBilling.
  replaceRateCard: Store['replaceRateCard'] = (currency, rates, at) => this.#billing.replaceRateCard(currency, rates, at);
  listDefaultRates: Store['listDefaultRates'] = (currency, market) => this.#billing.listDefaultRates(currency, market);
  getAccountPricing: Store['getAccountPricing'] = (accountId, market) => this.#billing.getAccountPricing(accountId, market);
  setAccountPricing: Store['setAccountPricing'] = (accountId, pricing, at) => this.#billing.setAccountPricing(accountId, pricing, at);
  getMessageCharge: Store['getMessageCharge'] = (accountId, wamid) => this.#billing.getMessageCharge(accountId, wamid);
  applyMessageStatuses: Store['applyMessageStatuses'] = (accountId, updates) => this.#billing.applyMessageStatuses(accountId, updates);
  listUnpricedMessages: Store['listUnpricedMessages'] = (accountId, range) => this.#billing.listUnpricedMessages(accountId, range);
  listAccountsInPortfolio: Store['listAccountsInPortfolio'] = (id) => this.#billing.listAccountsInPortfolio(id);
  countUsage: Store['countUsage'] = (query) => this.#billing.countUsage(query);
  pruneUsage: Store['pruneUsage'] = (before, limit) => this.#billing.pruneUsage(before, limit);
  countWebhookEvent: Store['countWebhookEvent'] = (name, key, at) => this.#billing.countWebhookEvent(name, key, at);
  listWebhookStats: Store['listWebhookStats'] = () => this.#billing.listWebhookStats();

  // Top-ups, payment links and their checkouts: see PgPayments.
  createPayment: Store['createPayment'] = (payment) => this.#payments.createPayment(payment);
  getPayment: Store['getPayment'] = (id) => this.#payments.getPayment(id);
  expirePayments: Store['expirePayments'] = (now, ids) => this.#payments.expirePayments(now, ids);
  findOpenLinkPayment: Store['findOpenLinkPayment'] = (linkId, now) => this.#payments.findOpenLinkPayment(linkId, now);
  settlePayment: Store['settlePayment'] = (provider, id, decide) => this.#payments.settlePayment(provider, id, decide);
  createPaymentLink: Store['createPaymentLink'] = (link) => this.#payments.createPaymentLink(link);
  getPaymentLink: Store['getPaymentLink'] = (id) => this.#payments.getPaymentLink(id);
  findPaymentLinkByTokenHash: Store['findPaymentLinkByTokenHash'] = (tokenHash) => this.#payments.findPaymentLinkByTokenHash(tokenHash);
  reserveLinkCheckout: Store['reserveLinkCheckout'] = (linkId, paymentId, provider, now, staleBefore) =>
    this.#payments.reserveLinkCheckout(linkId, paymentId, provider, now, staleBefore);
  fillLinkCheckout: Store['fillLinkCheckout'] = (payment, now) => this.#payments.fillLinkCheckout(payment, now);
  releaseLinkCheckout: Store['releaseLinkCheckout'] = (linkId, paymentId) => this.#payments.releaseLinkCheckout(linkId, paymentId);
  listPendingLinkPayments: Store['listPendingLinkPayments'] = (linkId) => this.#payments.listPendingLinkPayments(linkId);
  abandonPayment: Store['abandonPayment'] = (id, at) => this.#payments.abandonPayment(id, at);
  pruneExpiredPayments: Store['pruneExpiredPayments'] = (cutoff) => this.#payments.pruneExpiredPayments(cutoff);
  createSandboxCheckout: Store['createSandboxCheckout'] = (checkout) => this.#payments.createSandboxCheckout(checkout);
  getSandboxCheckout: Store['getSandboxCheckout'] = (id) => this.#payments.getSandboxCheckout(id);
  moveSandboxCheckout: Store['moveSandboxCheckout'] = (id, from, to) => this.#payments.moveSandboxCheckout(id, from, to);
  listPaymentLinks: Store['listPaymentLinks'] = (accountId, limit) => this.#payments.listPaymentLinks(accountId, limit);
  cancelPaymentLink: Store['cancelPaymentLink'] = (id, at) => this.#payments.cancelPaymentLink(id, at);

  // Stream slots and Graph read claims: see PgCoordination.
  acquireStreamSlot: Store['acquireStreamSlot'] = (sessionId, slotId, max, now, expiresAt) =>
    this.#coordination.acquireStreamSlot(sessionId, slotId, max, now, expiresAt);
  renewStreamSlot: Store['renewStreamSlot'] = (slotId, expiresAt) => this.#coordination.renewStreamSlot(slotId, expiresAt);
  releaseStreamSlot: Store['releaseStreamSlot'] = (slotId) => this.#coordination.releaseStreamSlot(slotId);
  claimGraphRead: Store['claimGraphRead'] = (accountId, now, minIntervalMs, leaseUntil) =>
    this.#coordination.claimGraphRead(accountId, now, minIntervalMs, leaseUntil);
  finishGraphRead: Store['finishGraphRead'] = (accountId) => this.#coordination.finishGraphRead(accountId);
  forgetGraphReadAttempt: Store['forgetGraphReadAttempt'] = (accountId) => this.#coordination.forgetGraphReadAttempt(accountId);
}
