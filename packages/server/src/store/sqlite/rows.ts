import type { Account } from '../../domain/accounts.js';
import type { LedgerEntry, LedgerEntryDetails, LedgerKind } from '../../domain/ledger.js';
import type { Permission, WidgetSession } from '../../domain/sessions.js';

/** An `accounts` row as read by a statement in safe-integer mode. */
export interface AccountRow {
  id: string;
  name: string;
  currency: string;
  waba_id: string;
  phone_number_id: string;
  display_phone_number: string | null;
  verified_name: string | null;
  business_portfolio_id: string | null;
  low_balance_threshold_micros: bigint | null;
  balance_micros: bigint;
  created_at: bigint;
  updated_at: bigint;
}

/** A `ledger_entries` row as read by a statement in safe-integer mode. */
export interface LedgerEntryRow {
  id: string;
  account_id: string;
  idempotency_key: string;
  type: 'credit' | 'debit';
  kind: string;
  amount_micros: bigint;
  balance_after_micros: bigint;
  description: string;
  reference: string | null;
  details: string | null;
  created_at: bigint;
}

/** A `widget_sessions` row as read by a statement in safe-integer mode. */
export interface WidgetSessionRow {
  id: string;
  secret_hash: string;
  account_id: string;
  permissions: string;
  expires_at: bigint;
  created_at: bigint;
  revoked_at: bigint | null;
}

/** Maps an `accounts` row to the domain type. */
export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    currency: row.currency,
    wabaId: row.waba_id,
    phoneNumberId: row.phone_number_id,
    displayPhoneNumber: row.display_phone_number,
    verifiedName: row.verified_name,
    businessPortfolioId: row.business_portfolio_id,
    lowBalanceThresholdMicros: row.low_balance_threshold_micros,
    balanceMicros: row.balance_micros,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

/** Maps a `ledger_entries` row to the domain type. */
export function toLedgerEntry(row: LedgerEntryRow): LedgerEntry {
  return {
    id: row.id,
    accountId: row.account_id,
    idempotencyKey: row.idempotency_key,
    type: row.type,
    kind: row.kind as LedgerKind,
    amountMicros: row.amount_micros,
    balanceAfterMicros: row.balance_after_micros,
    description: row.description,
    reference: row.reference,
    details: parseLedgerDetails(row.details),
    createdAt: new Date(Number(row.created_at)),
  };
}

/** Reads the `details` JSON column, keeping only the known keys with the expected types. */
export function parseLedgerDetails(json: string | null): LedgerEntryDetails | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const details: { -readonly [K in keyof LedgerEntryDetails]: LedgerEntryDetails[K] } = {};
  if (typeof record['category'] === 'string') details.category = record['category'];
  if (typeof record['market'] === 'string') details.market = record['market'];
  if (typeof record['message_id'] === 'string') details.message_id = record['message_id'];
  if (typeof record['priced'] === 'boolean') details.priced = record['priced'];
  return details;
}

/** Maps a `widget_sessions` row to the domain type. */
export function toWidgetSession(row: WidgetSessionRow): WidgetSession {
  return {
    id: row.id,
    secretHash: row.secret_hash,
    accountId: row.account_id,
    permissions: JSON.parse(row.permissions) as Permission[],
    expiresAt: new Date(Number(row.expires_at)),
    createdAt: new Date(Number(row.created_at)),
    revokedAt: row.revoked_at === null ? null : new Date(Number(row.revoked_at)),
  };
}
