import { newHostEvent } from '../host-events/host-event.js';
import { newId } from '../ids.js';
import { formatAmount } from '../money.js';
import type { Payment, PaymentEvent, PaymentLink, PaymentSettlement, SettlementResult } from './payment.js';
import type { PaymentsDeps } from './payments-service.js';

/** The ledger idempotency key of a provider's payment: one credit per payment, whatever arrives. */
export function paymentIdempotencyKey(provider: string, providerPaymentId: string): string {
  return `payment:${provider}:${providerPaymentId}`;
}

/**
 * What a verified provider event does to a payment, decided inside the store's transaction:
 * - `paid` credits the account once and marks the payment `succeeded` (and its link `paid`),
 *   whatever the payment's state: a late payment of an expired or failed checkout, or of a link
 *   cancelled meanwhile, was still taken from the payer, so it is credited and recorded.
 *   An amount or currency that differs from our record credits nothing: a review note is kept.
 * - `failed` and `expired` end a pending payment; they never undo a success.
 * Replays decide nothing.
 */
export function decideSettlement(provider: string, event: PaymentEvent, payment: Payment, link: PaymentLink | null, now: Date): PaymentSettlement | null {
  if (event.type !== 'paid') {
    if (payment.status !== 'pending') return null;
    return { payment: { ...payment, status: event.type, completedAt: now } };
  }
  if (payment.status === 'succeeded') return null;
  if (event.amountMicros !== payment.amountMicros || event.currency !== payment.currency) {
    const paid = event.amountMicros === null ? 'no amount' : `${formatAmount(event.amountMicros)} ${event.currency ?? '?'}`;
    const reviewNote = `amount_mismatch: the provider reported ${paid}, expected ${formatAmount(payment.amountMicros)} ${payment.currency}`;
    return payment.reviewNote === reviewNote ? null : { payment: { ...payment, reviewNote } };
  }
  const isTopup = payment.purpose === 'topup';
  const reference = isTopup ? payment.id : (link?.id ?? payment.id);
  return {
    payment: { ...payment, status: 'succeeded', completedAt: now },
    link: link && link.status !== 'paid' ? { ...link, status: 'paid', paidAt: now } : undefined,
    credit: {
      entry: {
        id: newId('le'),
        accountId: payment.accountId,
        idempotencyKey: paymentIdempotencyKey(provider, payment.providerPaymentId),
        kind: isTopup ? 'topup' : 'payment_link',
        amountMicros: payment.amountMicros,
        description: isTopup ? 'Top-up' : 'Payment link',
        reference,
        createdAt: now,
      },
      hostEvents: (entry, account) => {
        const money = (micros: bigint) => ({ amount: formatAmount(micros), currency: account.currency });
        const common = { amount: money(entry.amountMicros), balance: money(account.balanceMicros), ledger_entry_id: entry.id };
        return [
          isTopup
            ? newHostEvent('topup.succeeded', account.id, { topup_id: payment.id, ...common }, now)
            : newHostEvent('payment_link.paid', account.id, { payment_link_id: reference, payment_id: payment.id, ...common }, now),
        ];
      },
    },
  };
}

/**
 * Applies a verified provider event: settles the payment in one transaction (credit, statuses and
 * host event together); the store announces the credit, which open widgets hear as `topup`. An event for
 * a payment we do not know is reported and acknowledged (another deployment's, or a forgery that
 * somehow passed the signature: either way nothing to credit).
 */
export async function applyPaymentEvent(deps: PaymentsDeps, event: PaymentEvent): Promise<SettlementResult | null> {
  const provider = deps.provider.name;
  const now = deps.clock.now();
  const result = await deps.store.settlePayment(provider, event.providerPaymentId, (payment, link) =>
    decideSettlement(provider, event, payment, link, now),
  );
  if (!result) {
    deps.logWarning(`payments: ${provider} event ${event.type} for unknown payment ${event.providerPaymentId} ignored`);
    return null;
  }
  if (event.type === 'paid' && result.payment.status !== 'succeeded' && result.payment.reviewNote) {
    deps.logWarning(`payments: payment ${result.payment.id} not credited, needs review: ${result.payment.reviewNote}`);
  }
  return result;
}
