import type { Clock } from '../clock.js';
import type { CheckoutRequest, PaymentProvider } from '../../providers/payments/provider.js';
import { PaymentProviderError } from '../../providers/payments/provider.js';
import { DomainError } from '../errors.js';
import type { Payment } from './payment.js';
import type { Store } from '../../store/store.js';

/** What the top-up, payment-link and webhook flows share. */
export interface PaymentsDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** The provider new checkouts are opened with (`WA_PAYMENTS`). */
  readonly provider: PaymentProvider;
  /** Where events that need a person are reported (amount mismatches, unknown payments). */
  readonly logWarning: (message: string, error?: unknown) => void;
}

/** How long a top-up's checkout stays payable. */
export const CHECKOUT_TTL_MS = 24 * 3_600_000;

/** What a new payment is for: a top-up of the account, or the payment of one of its links. */
export interface PaymentIntent {
  readonly id: string;
  readonly accountId: string;
  readonly purpose: Payment['purpose'];
  readonly linkId: string | null;
  readonly amountMicros: bigint;
  readonly currency: string;
}

/**
 * Opens a checkout with the provider and records the payment as `pending`. Nothing is credited
 * until the provider's signed webhook says it was paid.
 * @throws DomainError `unavailable` when the provider cannot be reached or refuses (nothing is written)
 */
export async function openCheckout(
  deps: PaymentsDeps,
  intent: PaymentIntent,
  request: Omit<CheckoutRequest, 'amountMicros' | 'currency' | 'reference'>,
): Promise<Payment> {
  const checkout = await deps.provider
    .createCheckout({ ...request, amountMicros: intent.amountMicros, currency: intent.currency, reference: intent.id })
    .catch((error: unknown) => {
      if (!(error instanceof PaymentProviderError)) throw error;
      deps.logWarning(`payments: opening a checkout for ${intent.purpose} ${intent.id} failed`, error);
      throw new DomainError('unavailable', 'payment_provider_unavailable', 'the payment provider could not be reached; nothing was charged, try again');
    });
  const payment: Payment = {
    ...intent,
    status: 'pending',
    provider: deps.provider.name,
    providerPaymentId: checkout.providerPaymentId,
    checkoutUrl: checkout.checkoutUrl,
    createdAt: deps.clock.now(),
    expiresAt: checkout.expiresAt,
    completedAt: null,
    ledgerEntryId: null,
    reviewNote: null,
  };
  await deps.store.createPayment(payment);
  return payment;
}
