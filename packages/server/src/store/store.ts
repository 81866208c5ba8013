import type { Account, AccountCursor } from '../domain/accounts.js';
import type { HostEventOutbox } from '../domain/host-events/outbox.js';
import type { LedgerAppendOptions, LedgerAppendResult, LedgerEntry, LedgerKind, LedgerPolicy, NewLedgerEntry } from '../domain/ledger.js';
import type { PhoneStatusStore } from './phone-status-store.js';
import type { MetaWebhookInboxStore } from './meta-webhook-inbox-store.js';
import type { FrequencyCapStore } from './frequency-cap-store.js';
import type { StatementStore } from './statement-store.js';
import type { MetaBillingStore } from './meta-billing-store.js';
import type { PaymentsStore } from './payments-store.js';
import type { SandboxCheckoutStore } from './sandbox-checkout-store.js';
import type { WidgetSessionStore } from './widget-session-store.js';
import type { OperationsStore } from './operations-store.js';
import type { RateLimitStore } from './rate-limit-store.js';
import type { StoreChanges } from './changes.js';
import type { CoordinationStore } from './coordination-store.js';

/** An account as first written: zero balance, `updatedAt` = `createdAt`. */
export type NewAccount = Omit<Account, 'balanceMicros' | 'updatedAt'>;

/** Which accounts to list: at most `limit`, ordered by (createdAt, id), strictly after `after`. */
export interface AccountListQuery {
  readonly limit: number;
  readonly after?: AccountCursor | undefined;
}

/**
 * Persistence for the domain. Every method is atomic on its own; implementations are
 * Promise-based so that a networked engine (PostgreSQL) can implement the same contract.
 * Expected failures are thrown as `DomainError`s.
 */
export interface Store
  extends MetaBillingStore,
    StatementStore,
    FrequencyCapStore,
    HostEventOutbox,
    PaymentsStore,
    SandboxCheckoutStore,
    WidgetSessionStore,
    RateLimitStore,
    OperationsStore,
    CoordinationStore {
  /** Resolves once the database answers a trivial query. */
  ping(): Promise<void>;
  /** Releases the database; the store is unusable afterwards. */
  close(): Promise<void>;

  /** Inserts an account. @throws DomainError `conflict` `phone_number_taken` */
  createAccount(account: NewAccount): Promise<Account>;
  getAccount(id: string): Promise<Account | null>;
  findAccountByPhoneNumberId(phoneNumberId: string): Promise<Account | null>;
  listAccounts(query: AccountListQuery): Promise<Account[]>;
  /**
   * Sets the low-balance threshold; null when the account does not exist. In the same transaction
   * the low-balance alert is re-evaluated (see `evaluateLowBalanceAlert`): it may enqueue `balance.low`.
   */
  updateLowBalanceThreshold(id: string, thresholdMicros: bigint | null, at: Date): Promise<Account | null>;

  /**
   * In one transaction: if `(accountId, idempotencyKey)` exists, returns that entry with
   * `replayed: true` and changes nothing; otherwise reads the account, lets `policy` refuse by
   * throwing, inserts the entry with its `balanceAfterMicros` and updates the running balance; the
   * entry's time is `createdAt`, or the time of the account's previous entry when that is later,
   * so that an account's entries are in the same order by time as by append; then
   * re-evaluates the low-balance alert (enqueuing `balance.low` on a crossing) and enqueues the
   * host events of `options.hostEvents`.
   * @throws DomainError `not_found` for an unknown account, or whatever `policy` throws
   */
  appendLedgerEntry(entry: NewLedgerEntry, policy: LedgerPolicy, options?: LedgerAppendOptions): Promise<LedgerAppendResult>;
  /** All entries of an account, in the order they were appended. */
  listLedgerEntries(accountId: string): Promise<LedgerEntry[]>;
  /**
   * The total (positive micro-units) of an account's debits of `kind` created on the UTC days
   * `firstDay` to `lastDay` (whole days since 1970-01-01, both included). Read from a per-day
   * roll-up kept in the transaction of every append: its cost does not grow with the entries.
   */
  sumDailyDebits(accountId: string, kind: LedgerKind, firstDay: number, lastDay: number): Promise<bigint>;

  /** Phone snapshots, portfolio messaging limits and the quality timeline. */
  readonly phoneStatus: PhoneStatusStore;

  /** Large Meta webhooks answered before they are applied, until applied. */
  readonly webhookInbox: MetaWebhookInboxStore;

  /**
   * Committed changes, heard after commit (never for a rollback or a replay): what live updates
   * follow. On PostgreSQL every instance sharing the database hears every change.
   */
  readonly changes: StoreChanges;
}

/**
 * Whether a store failure is worth trying again as it is: the database was busy or locked (SQLite's
 * `SQLITE_BUSY…`/`SQLITE_LOCKED…`), or a transaction lost a serialization race or a deadlock
 * (PostgreSQL's `40001`, `40P01`). Anything else would fail the same way again.
 */
export function isTransientStoreError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(SQLITE_BUSY|SQLITE_LOCKED|40001$|40P01$)/.test(code);
}
