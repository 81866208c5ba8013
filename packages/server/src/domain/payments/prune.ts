import type { Clock } from '../clock.js';
import type { PrunedPayments } from '../../store/payments-store.js';
import type { Store } from '../../store/store.js';

/**
 * How long unpaid payments, closed links and sandbox checkouts are kept after their expiry. Far
 * longer than any provider keeps a checkout payable (Stripe: 24 hours), so a late "paid" event
 * always finds its payment and is credited.
 */
export const PAYMENT_RETENTION_MS = 30 * 24 * 3_600_000;

/**
 * Deletes the payments that can no longer be paid and never credited anything, once `retentionMs`
 * past their expiry: pending, failed and expired checkouts (not those with a review note), open or
 * cancelled links with no payment left, link-checkout reservations, sandbox checkouts. Succeeded
 * payments and paid links are what the ledger refers to: they are kept. Meant to run on a schedule.
 */
export function pruneExpiredPayments(store: Store, clock: Clock, retentionMs: number = PAYMENT_RETENTION_MS): Promise<PrunedPayments> {
  return store.pruneExpiredPayments(new Date(clock.now().getTime() - retentionMs));
}
