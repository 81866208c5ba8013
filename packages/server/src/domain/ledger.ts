import type { Account } from './accounts.js';
import { inAccountCurrency, requireAccount } from './accounts.js';
import type { Clock } from './clock.js';
import { DomainError } from './errors.js';
import type { HostEvent } from './host-events/host-event.js';
import { newId } from './ids.js';
import type { Money } from './money.js';
import { MAX_AMOUNT_MICROS } from './money.js';
import type { Store } from '../store/store.js';

/** Why the balance changed. Only operator adjustments exist so far. */
export type LedgerKind = 'adjustment' | 'topup' | 'payment_link' | 'message';

/**
 * Structured facts about an entry, shown by the statement (e.g. a message debit's pricing
 * category and market). Stored as JSON; unknown keys are dropped when read.
 */
export interface LedgerEntryDetails {
  readonly category?: string;
  readonly market?: string;
  readonly message_id?: string;
  readonly priced?: boolean;
}

/** One append-only change of an account's balance. */
export interface LedgerEntry {
  readonly id: string;
  readonly accountId: string;
  readonly idempotencyKey: string;
  readonly type: 'credit' | 'debit';
  readonly kind: LedgerKind;
  /** Signed: positive for credits, negative for debits. */
  readonly amountMicros: bigint;
  readonly balanceAfterMicros: bigint;
  readonly description: string;
  readonly reference: string | null;
  readonly details: LedgerEntryDetails | null;
  readonly createdAt: Date;
}

/** The entry `entry` becomes once appended: its type from its sign, the balance after it and its stamped time. */
export function appendedEntry(entry: NewLedgerEntry, balanceAfterMicros: bigint, createdAt: Date): LedgerEntry {
  return {
    id: entry.id,
    accountId: entry.accountId,
    idempotencyKey: entry.idempotencyKey,
    type: entry.amountMicros < 0n ? 'debit' : 'credit',
    kind: entry.kind,
    amountMicros: entry.amountMicros,
    balanceAfterMicros,
    description: entry.description,
    reference: entry.reference,
    details: entry.details ?? null,
    createdAt,
  };
}

/** An entry to append; the store fills in `type` and `balanceAfterMicros`. */
export interface NewLedgerEntry {
  readonly id: string;
  readonly accountId: string;
  readonly idempotencyKey: string;
  readonly kind: LedgerKind;
  readonly amountMicros: bigint;
  readonly description: string;
  readonly reference: string | null;
  /** Optional structured facts for the statement; null or absent for none. */
  readonly details?: LedgerEntryDetails | null;
  readonly createdAt: Date;
}

/**
 * Decides, inside the append's transaction, whether an entry may be applied to the account as it
 * is now; it throws a {@link DomainError} to refuse, which rolls the transaction back.
 */
export type LedgerPolicy = (account: Account, amountMicros: bigint) => void;

/** What else an append does inside its transaction. */
export interface LedgerAppendOptions {
  /**
   * Host events caused by the entry (e.g. `topup.succeeded`), computed from the written entry and
   * the account after it, and enqueued in the append's transaction: they exist if and only if the
   * entry does. Not called for a replay. (`balance.low` is the store's own business: never return it.)
   */
  readonly hostEvents?: ((entry: LedgerEntry, account: Account) => readonly HostEvent[]) | undefined;
}

/** The outcome of an append: the entry, and whether it already existed under that idempotency key. */
export interface LedgerAppendResult {
  readonly entry: LedgerEntry;
  readonly replayed: boolean;
}

/** An operator's credit (positive) or debit (negative) of an account. */
export interface AdjustmentInput {
  readonly accountId: string;
  readonly amount: Money;
  readonly reason: string;
  readonly idempotencyKey: string;
}

/**
 * Refuses entries that would take the balance below zero, or outside the representable range.
 * Used for everything except debits of messages Meta has already billed.
 */
export const noOverdraft: LedgerPolicy = (account, amountMicros) => {
  const after = account.balanceMicros + amountMicros;
  if (amountMicros < 0n && after < 0n) {
    throw new DomainError('conflict', 'insufficient_balance', 'the balance is too low for this debit');
  }
  withinBalanceRange(account, amountMicros);
};

/** Refuses entries whose resulting balance would exceed ±{@link MAX_AMOUNT_MICROS}. */
export const withinBalanceRange: LedgerPolicy = (account, amountMicros) => {
  const after = account.balanceMicros + amountMicros;
  if (after > MAX_AMOUNT_MICROS || after < -MAX_AMOUNT_MICROS) {
    throw new DomainError('conflict', 'balance_out_of_range', 'the resulting balance would be out of range');
  }
};

const ADJUSTMENT_KEY_PREFIX = 'adjustment:';

/**
 * The ledger key of an operator's adjustment. Partner keys live in their own namespace, so that no
 * key a partner chooses can collide with the ledger's own (`payment:…`, `meta:message:…`) and make
 * a payment or a message charge look already written.
 */
export function adjustmentKey(partnerKey: string): string {
  return ADJUSTMENT_KEY_PREFIX + partnerKey;
}

/** The key a partner gave for an adjustment, as it was given. */
export function partnerKeyOf(entry: Pick<LedgerEntry, 'kind' | 'idempotencyKey'>): string {
  return entry.kind === 'adjustment' && entry.idempotencyKey.startsWith(ADJUSTMENT_KEY_PREFIX)
    ? entry.idempotencyKey.slice(ADJUSTMENT_KEY_PREFIX.length)
    : entry.idempotencyKey;
}

/**
 * Credits or debits an account by an operator. A repeat with the same idempotency key returns the
 * first entry and changes nothing; a repeat that asks for something else is a conflict.
 * @throws DomainError `invalid` (zero amount, other currency), `not_found`, `conflict`
 */
export async function adjustBalance(store: Store, clock: Clock, input: AdjustmentInput): Promise<LedgerAppendResult> {
  const account = await requireAccount(store, input.accountId);
  const amountMicros = inAccountCurrency(account.currency, input.amount, 'amount');
  if (amountMicros === 0n) throw new DomainError('invalid', 'invalid_amount', 'amount: must not be zero');
  const result = await store.appendLedgerEntry(
    {
      id: newId('le'),
      accountId: account.id,
      idempotencyKey: adjustmentKey(input.idempotencyKey),
      kind: 'adjustment',
      amountMicros,
      description: input.reason,
      reference: null,
      createdAt: clock.now(),
    },
    noOverdraft,
  );
  const { entry } = result;
  if (result.replayed && (entry.kind !== 'adjustment' || entry.amountMicros !== amountMicros || entry.description !== input.reason)) {
    throw new DomainError(
      'conflict',
      'idempotency_conflict',
      `idempotency_key: ${input.idempotencyKey} was already used for a different request`,
    );
  }
  return result;
}
