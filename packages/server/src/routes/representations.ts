import { z } from '@hono/zod-openapi';
import type { Account } from '../domain/accounts.js';
import { isBalanceLow } from '../domain/accounts.js';
import { partnerKeyOf, type LedgerEntry } from '../domain/ledger.js';
import type { PhoneStatusView } from '../domain/quality/phone-status-service.js';
import type { Runway } from '../domain/runway.js';
import type { MintedWidgetSession } from '../domain/sessions.js';
import { WidgetPhoneSchema, widgetPhoneJson } from './quality-representations.js';
import { MoneySchema, moneyJson, PermissionSchema, TimestampSchema } from './schemas.js';

/** An account as the partner sees it. */
export const AccountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    currency: z.string(),
    waba_id: z.string(),
    phone_number_id: z.string(),
    display_phone_number: z.string().nullable(),
    verified_name: z.string().nullable(),
    business_portfolio_id: z.string().nullable(),
    low_balance_threshold: MoneySchema.nullable(),
    balance: MoneySchema,
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
  })
  .openapi('Account');

/** Serializes an account for the partner API. */
export function accountJson(account: Account): z.infer<typeof AccountSchema> {
  return {
    id: account.id,
    name: account.name,
    currency: account.currency,
    waba_id: account.wabaId,
    phone_number_id: account.phoneNumberId,
    display_phone_number: account.displayPhoneNumber,
    verified_name: account.verifiedName,
    business_portfolio_id: account.businessPortfolioId,
    low_balance_threshold: thresholdJson(account),
    balance: moneyJson(account.balanceMicros, account.currency),
    created_at: account.createdAt.toISOString(),
    updated_at: account.updatedAt.toISOString(),
  };
}

/** A ledger entry. */
export const LedgerEntrySchema = z
  .object({
    id: z.string(),
    account_id: z.string(),
    at: TimestampSchema,
    type: z.enum(['credit', 'debit']),
    kind: z.enum(['adjustment', 'topup', 'payment_link', 'message']),
    amount: MoneySchema,
    balance_after: MoneySchema,
    description: z.string(),
    reference: z.string().nullable(),
    idempotency_key: z.string(),
  })
  .openapi('LedgerEntry');

/** Serializes a ledger entry; `currency` is its account's. */
export function ledgerEntryJson(entry: LedgerEntry, currency: string): z.infer<typeof LedgerEntrySchema> {
  return {
    id: entry.id,
    account_id: entry.accountId,
    at: entry.createdAt.toISOString(),
    type: entry.type,
    kind: entry.kind,
    amount: moneyJson(entry.amountMicros, currency),
    balance_after: moneyJson(entry.balanceAfterMicros, currency),
    description: entry.description,
    reference: entry.reference,
    idempotency_key: partnerKeyOf(entry),
  };
}

/** A freshly minted widget session; the only time the client secret is shown. */
export const WidgetSessionSchema = z
  .object({
    id: z.string().openapi({ example: 'wss_5vQbH2m9qfZC0hMvW1nU7w', description: 'Names the session to revoke it' }),
    client_secret: z.string().openapi({ example: 'ws_…' }),
    account_id: z.string(),
    permissions: z.array(PermissionSchema),
    expires_at: TimestampSchema,
  })
  .openapi('WidgetSession');

/** Serializes a minted widget session. */
export function widgetSessionJson(minted: MintedWidgetSession): z.infer<typeof WidgetSessionSchema> {
  return {
    id: minted.session.id,
    client_secret: minted.clientSecret,
    account_id: minted.session.accountId,
    permissions: [...minted.session.permissions],
    expires_at: minted.session.expiresAt.toISOString(),
  };
}

/** The account as a widget sees it. */
export const WidgetAccountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    currency: z.string(),
    phone: WidgetPhoneSchema,
  })
  .openapi('WidgetAccount');

/** Serializes an account for the widget API, its number as last read from Meta (see {@link widgetPhoneJson}). */
export function widgetAccountJson(account: Account, phone: PhoneStatusView): z.infer<typeof WidgetAccountSchema> {
  return { id: account.id, name: account.name, currency: account.currency, phone: widgetPhoneJson(account, phone) };
}

/** How long the balance lasts at the pace of the last 7 days' message spend. */
export const RunwaySchema = z
  .object({
    days: z.number().int().nullable().openapi({ description: 'Whole days left; null when nothing was spent in the basis window' }),
    average_daily_spend: MoneySchema,
    basis_days: z.literal(7),
  })
  .openapi('Runway');

/** An account's balance and low-balance state. */
export const BalanceSchema = z
  .object({
    balance: MoneySchema,
    low_balance_threshold: MoneySchema.nullable(),
    is_low: z.boolean(),
    updated_at: TimestampSchema,
    runway: RunwaySchema,
  })
  .openapi('Balance');

/** The `GET /v1/balance` payload (also the data of the live `balance` event). */
export type BalanceJson = z.infer<typeof BalanceSchema>;

/** Serializes an account's balance with its runway. */
export function balanceJson(account: Account, runway: Runway): BalanceJson {
  return {
    balance: moneyJson(account.balanceMicros, account.currency),
    low_balance_threshold: thresholdJson(account),
    is_low: isBalanceLow(account),
    updated_at: account.updatedAt.toISOString(),
    runway: {
      days: runway.days,
      average_daily_spend: moneyJson(runway.averageDailySpendMicros, account.currency),
      basis_days: runway.basisDays,
    },
  };
}

function thresholdJson(account: Account): z.infer<typeof MoneySchema> | null {
  const threshold = account.lowBalanceThresholdMicros;
  return threshold === null ? null : moneyJson(threshold, account.currency);
}
