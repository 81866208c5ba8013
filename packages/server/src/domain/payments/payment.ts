import type { HostEvent } from '../host-events/host-event.js';
import type { Account } from '../accounts.js';
import type { LedgerEntry, NewLedgerEntry } from '../ledger.js';

/** The state of one checkout with a provider. `failed` and `expired` are final, except that a later paid event still credits (see settle.ts). */
export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'expired';

/** What a payment pays for: a top-up from the widget, or a payment link. */
export type PaymentPurpose = 'topup' | 'payment_link';

/**
 * One checkout with a payment provider. A top-up is exactly one payment (its id is the top-up's,
 * `tu_…`); a payment link may have several over time (`pay_…`), one per attempt to pay it.
 */
export interface Payment {
  readonly id: string;
  readonly accountId: string;
  readonly purpose: PaymentPurpose;
  /** The payment link paid, for `payment_link`; null for a top-up. */
  readonly linkId: string | null;
  readonly amountMicros: bigint;
  readonly currency: string;
  readonly status: PaymentStatus;
  /** `sandbox` or `stripe`. */
  readonly provider: string;
  readonly providerPaymentId: string;
  readonly checkoutUrl: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly completedAt: Date | null;
  /** The credit, once paid. */
  readonly ledgerEntryId: string | null;
  /** Set when an event could not be applied as is (e.g. an amount mismatch) and a person should look. */
  readonly reviewNote: string | null;
}

/** A payment link's stored state; `expired` is derived from `expiresAt` when read. */
export type StoredLinkStatus = 'open' | 'paid' | 'cancelled';

/** What a payment link shows: `expired` is an open link past its expiry. */
export type PaymentLinkStatus = StoredLinkStatus | 'expired';

/** A shareable request for a single payment into an account. */
export interface PaymentLink {
  readonly id: string;
  readonly accountId: string;
  /**
   * SHA-256 (hex) of the link's token, the capability to pay it (not to read or move money). The
   * token itself is never stored: see link-tokens.ts.
   */
  readonly tokenHash: string;
  readonly amountMicros: bigint;
  readonly currency: string;
  readonly note: string | null;
  readonly status: StoredLinkStatus;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly paidAt: Date | null;
  readonly cancelledAt: Date | null;
  readonly ledgerEntryId: string | null;
}

/** The status a link shows at `now`. */
export function linkStatusAt(link: PaymentLink, now: Date): PaymentLinkStatus {
  return link.status === 'open' && now.getTime() >= link.expiresAt.getTime() ? 'expired' : link.status;
}

/** The status a payment shows at `now`: a pending one past its expiry is expired. */
export function paymentStatusAt(payment: Payment, now: Date): PaymentStatus {
  return payment.status === 'pending' && now.getTime() >= payment.expiresAt.getTime() ? 'expired' : payment.status;
}

/** What a verified provider event says happened to a checkout. */
export interface PaymentEvent {
  readonly type: 'paid' | 'failed' | 'expired';
  readonly providerPaymentId: string;
  /** What the provider says was paid; compared with our record before crediting. */
  readonly amountMicros: bigint | null;
  readonly currency: string | null;
}

/** What to write when an event is applied: the payment's new state, the link's, and the credit. */
export interface PaymentSettlement {
  readonly payment: Payment;
  readonly link?: PaymentLink | undefined;
  readonly credit?:
    | {
        readonly entry: NewLedgerEntry;
        readonly hostEvents: (entry: LedgerEntry, account: Account) => readonly HostEvent[];
      }
    | undefined;
}

/** The outcome of applying an event. */
export interface SettlementResult {
  readonly payment: Payment;
  readonly link: PaymentLink | null;
  /** Whether this call appended the credit (false for replays and everything else). */
  readonly credited: boolean;
}
