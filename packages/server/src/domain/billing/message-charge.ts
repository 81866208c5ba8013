import type { MarketingDelivery } from '../../store/frequency-cap-store.js';
import type { NewLedgerEntry } from '../ledger.js';

/**
 * What became of a delivered message: `charged` (a debit in the ledger, or none at a zero rate),
 * `free` (Meta did not bill it) or `unpriced` (billable, but the account's card has no rate).
 */
export type ChargeOutcome = 'charged' | 'free' | 'unpriced';

/**
 * Billing record of one message (one wamid) of one account. Status webhooks arrive repeated and
 * out of order; this record gathers what they told so far, and once `outcome` is set every later
 * status of the message is a no-op.
 */
export interface MessageCharge {
  readonly accountId: string;
  readonly wamid: string;
  readonly recipient: string;
  readonly market: string;
  readonly country: string | null;
  readonly isGroup: boolean;
  readonly lastStatus: string;
  readonly pricingType: string | null;
  readonly category: string | null;
  readonly billable: boolean | null;
  /** First `delivered` or `read` (a read implies delivery). */
  readonly deliveredAt: Date | null;
  readonly failedAt: Date | null;
  readonly outcome: ChargeOutcome | null;
  readonly priceMicros: bigint | null;
  readonly ledgerEntryId: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A recipient reached by a business-initiated delivery, for the messaging-limit usage. */
export interface UsageTouch {
  /** `bp:<business portfolio id>`, or `acc:<account id>` for an account outside any portfolio. */
  readonly portfolioKey: string;
  readonly accountId: string;
  readonly recipient: string;
  readonly countedAt: Date;
}

/** What one status event changes, written in one transaction. */
export interface MessageChargeWrite {
  readonly charge: MessageCharge;
  /** The debit to append (allowed below zero): its id is recorded as `ledgerEntryId`. */
  readonly ledgerEntry: NewLedgerEntry | null;
  readonly usage: UsageTouch | null;
  /**
   * A delivered marketing message to count toward the frequency cap, in the same transaction: set
   * by the write that first makes the message both delivered and known to be marketing, never by a
   * repeat (a settled message writes nothing at all).
   */
  readonly marketingDelivery?: MarketingDelivery | null;
}

/** One status of a batch: the message and what to write, decided inside the transaction. */
export interface MessageStatusUpdate {
  readonly wamid: string;
  readonly decide: (current: MessageCharge | null) => MessageChargeWrite | null;
}

/** What became of one status of a batch: its record afterwards, or why its savepoint rolled back. */
export type MessageStatusOutcome =
  | { readonly ok: true; readonly charge: MessageCharge | null; readonly debited: boolean }
  | { readonly ok: false; readonly error: unknown };

/** The portfolio key under which an account's usage is counted. */
export function usagePortfolioKey(account: { readonly id: string; readonly businessPortfolioId: string | null }): string {
  return account.businessPortfolioId ? `bp:${account.businessPortfolioId}` : `acc:${account.id}`;
}
