import type { Payment, PaymentLink, PaymentSettlement, SettlementResult } from '../domain/payments/payment.js';

/** What {@link PaymentsStore.reserveLinkCheckout} found. */
export type LinkCheckoutReservation =
  /** The link has an open checkout with this provider: pay that one. */
  | { readonly kind: 'open'; readonly payment: Payment }
  /** The caller holds the reservation: open the checkout, then {@link PaymentsStore.fillLinkCheckout}. */
  | { readonly kind: 'reserved' }
  /** Another caller is opening the link's checkout right now. */
  | { readonly kind: 'busy' }
  /** The link is no longer open (paid, cancelled, expired). */
  | { readonly kind: 'closed' };

/** How many rows {@link PaymentsStore.pruneExpiredPayments} deleted. */
export interface PrunedPayments {
  readonly payments: number;
  readonly links: number;
  readonly sandboxCheckouts: number;
}

/** Persistence of top-ups, payment links and their checkouts (part of the Store). */
export interface PaymentsStore {
  createPayment(payment: Payment): Promise<void>;
  getPayment(id: string): Promise<Payment | null>;
  /** Marks pending payments whose expiry is at or before `now` as expired; `ids` limits it to those. */
  expirePayments(now: Date, ids?: readonly string[]): Promise<void>;
  /** The newest pending, unexpired checkout of a link, if any. */
  findOpenLinkPayment(linkId: string, now: Date): Promise<Payment | null>;
  /**
   * Atomically: the link's open checkout with `provider` if it has one; otherwise reserves the link's
   * one checkout for `paymentId` unless another reservation younger than `staleBefore` holds it.
   */
  reserveLinkCheckout(linkId: string, paymentId: string, provider: string, now: Date, staleBefore: Date): Promise<LinkCheckoutReservation>;
  /**
   * Records the checkout opened under a reservation, atomically, only while the reservation is still
   * the caller's and the link still open; false otherwise (nothing is written: close the checkout).
   */
  fillLinkCheckout(payment: Payment, now: Date): Promise<boolean>;
  /** Gives up a reservation that is still `paymentId`'s (the provider failed): the next payer may try. */
  releaseLinkCheckout(linkId: string, paymentId: string): Promise<void>;
  /** The link's pending payments, expired or not: the checkouts to close when it is cancelled. */
  listPendingLinkPayments(linkId: string): Promise<Payment[]>;
  /** Marks a pending payment `expired` at `at` (abandoned, or its link cancelled); any other is left as is. */
  abandonPayment(id: string, at: Date): Promise<Payment | null>;
  /**
   * Deletes what can no longer be paid and credited nothing, whose expiry (or cancellation) is before
   * `cutoff`: unsettled payments (pending, failed, expired; not those with a review note), open or
   * cancelled links without a payment left, link-checkout reservations, sandbox checkouts. Succeeded
   * payments and paid links are the ledger's references and are kept.
   */
  pruneExpiredPayments(cutoff: Date): Promise<PrunedPayments>;
  /**
   * In one transaction: reads the payment by its provider id (and its link), lets `decide` return
   * what to write (or null for nothing), then appends the credit (with its host events, and the
   * ledger's idempotency key) and writes the payment and link. Null when no such payment exists.
   */
  settlePayment(
    provider: string,
    providerPaymentId: string,
    decide: (payment: Payment, link: PaymentLink | null) => PaymentSettlement | null,
  ): Promise<SettlementResult | null>;

  createPaymentLink(link: PaymentLink): Promise<void>;
  getPaymentLink(id: string): Promise<PaymentLink | null>;
  /** The link whose token hashes (SHA-256, hex) to `tokenHash`. */
  findPaymentLinkByTokenHash(tokenHash: string): Promise<PaymentLink | null>;
  /** The newest links of an account first. */
  listPaymentLinks(accountId: string, limit: number): Promise<PaymentLink[]>;
  /** Atomically cancels an `open` link (expired or not); any other link is returned unchanged. Null if unknown. */
  cancelPaymentLink(id: string, at: Date): Promise<PaymentLink | null>;
}
