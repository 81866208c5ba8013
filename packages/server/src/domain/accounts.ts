import type { Clock } from './clock.js';
import { DomainError } from './errors.js';
import { newId } from './ids.js';
import type { Money } from './money.js';
import { isCurrencyCode } from './money.js';
import type { Store } from '../store/store.js';

/** A customer of the partner: one WhatsApp number, one currency, one running balance. */
export interface Account {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly wabaId: string;
  readonly phoneNumberId: string;
  readonly displayPhoneNumber: string | null;
  readonly verifiedName: string | null;
  readonly businessPortfolioId: string | null;
  readonly lowBalanceThresholdMicros: bigint | null;
  readonly balanceMicros: bigint;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What a caller supplies to open an account. */
export interface OpenAccountInput {
  readonly name: string;
  readonly currency: string;
  readonly wabaId: string;
  readonly phoneNumberId: string;
  readonly displayPhoneNumber?: string | null;
  readonly verifiedName?: string | null;
  readonly businessPortfolioId?: string | null;
  readonly lowBalanceThreshold?: Money | null;
}

/** One page of accounts, oldest first, and the cursor of the next page (null on the last). */
export interface AccountPage {
  readonly accounts: readonly Account[];
  readonly nextCursor: string | null;
}

/** Position after which a page of accounts starts (keyset on creation time, then id). */
export interface AccountCursor {
  readonly createdAt: Date;
  readonly id: string;
}

/**
 * Opens an account with a zero balance.
 * @throws DomainError `invalid` (unknown currency, bad threshold) or `conflict` (phone number taken)
 */
export async function openAccount(store: Store, clock: Clock, input: OpenAccountInput): Promise<Account> {
  if (!isCurrencyCode(input.currency)) {
    throw new DomainError('invalid', 'invalid_currency', `currency: ${input.currency} is not an ISO 4217 code`);
  }
  const threshold = input.lowBalanceThreshold ? thresholdMicros(input.currency, input.lowBalanceThreshold, 'low_balance_threshold') : null;
  const now = clock.now();
  return store.createAccount({
    id: newId('acc'),
    name: input.name,
    currency: input.currency,
    wabaId: input.wabaId,
    phoneNumberId: input.phoneNumberId,
    displayPhoneNumber: input.displayPhoneNumber ?? null,
    verifiedName: input.verifiedName ?? null,
    businessPortfolioId: input.businessPortfolioId ?? null,
    lowBalanceThresholdMicros: threshold,
    createdAt: now,
  });
}

/**
 * Reads an account.
 * @throws DomainError `not_found`
 */
export async function requireAccount(store: Store, id: string): Promise<Account> {
  const account = await store.getAccount(id);
  if (!account) throw new DomainError('not_found', 'account_not_found', `account ${id} does not exist`);
  return account;
}

/**
 * Lists accounts in creation order, `limit` at a time.
 * @throws DomainError `invalid` when the cursor was not issued by this function
 */
export async function listAccounts(store: Store, limit: number, cursor?: string): Promise<AccountPage> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const rows = await store.listAccounts({ limit: limit + 1, after });
  const accounts = rows.slice(0, limit);
  const last = accounts.at(-1);
  return { accounts, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/**
 * Sets (or clears, with null) the balance below which the account counts as low.
 * @throws DomainError `invalid` (negative or in another currency) or `not_found`
 */
export async function setLowBalanceThreshold(
  store: Store,
  clock: Clock,
  accountId: string,
  threshold: Money | null,
): Promise<Account> {
  const account = await requireAccount(store, accountId);
  const micros = threshold ? thresholdMicros(account.currency, threshold, 'threshold') : null;
  const updated = await store.updateLowBalanceThreshold(accountId, micros, clock.now());
  if (!updated) throw new DomainError('not_found', 'account_not_found', `account ${accountId} does not exist`);
  return updated;
}

/** Whether the balance is below the account's low-balance threshold (never, without one). */
export function isBalanceLow(account: Account): boolean {
  return account.lowBalanceThresholdMicros !== null && account.balanceMicros < account.lowBalanceThresholdMicros;
}

/**
 * Checks that `money` is in the account's currency and returns its micro-units.
 * @throws DomainError `invalid` with code `currency_mismatch`
 */
export function inAccountCurrency(currency: string, money: Money, field: string): bigint {
  if (money.currency !== currency) {
    throw new DomainError(
      'invalid',
      'currency_mismatch',
      `${field}: currency ${money.currency} differs from the account's ${currency}`,
    );
  }
  return money.micros;
}

function thresholdMicros(currency: string, threshold: Money, field: string): bigint {
  const micros = inAccountCurrency(currency, threshold, field);
  if (micros < 0n) {
    throw new DomainError('invalid', 'invalid_threshold', `${field}: must not be negative`);
  }
  return micros;
}

function encodeCursor(account: Account): string {
  return Buffer.from(JSON.stringify([account.createdAt.getTime(), account.id])).toString('base64url');
}

function decodeCursor(cursor: string): AccountCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [ms, id] = value as unknown[];
      if (Number.isSafeInteger(ms) && typeof id === 'string') return { createdAt: new Date(ms as number), id };
    }
  } catch {
    // fall through: any undecodable cursor is the caller's mistake
  }
  throw new DomainError('invalid', 'invalid_cursor', 'cursor: not a cursor returned by this endpoint');
}
