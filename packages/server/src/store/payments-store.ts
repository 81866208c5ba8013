import type { Payment, PaymentLink, PaymentSettlement, SettlementResult } from '../domain/payments/payment.js';

/** Persistence of top-ups, payment links and their checkouts (part of the Store). */
export interface PaymentsStore {
  createPayment(payment: Payment): Promise<void>;
  getPayment(id: string): Promise<Payment | null>;
  /** Marks pending payments whose expiry is at or before `now` as expired; `ids` limits it to those. */
  expirePayments(now: Date, ids?: readonly string[]): Promise<void>;
  /** The newest pending, unexpired checkout of a link, if any. */
  findOpenLinkPayment(linkId: string, now: Date): Promise<Payment | null>;
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
  findPaymentLinkByToken(token: string): Promise<PaymentLink | null>;
  /** The newest links of an account first. */
  listPaymentLinks(accountId: string, limit: number): Promise<PaymentLink[]>;
  /** Atomically cancels an `open` link (expired or not); any other link is returned unchanged. Null if unknown. */
  cancelPaymentLink(id: string, at: Date): Promise<PaymentLink | null>;
}
