import type { Clock } from '../clock.js';
import type { CheckoutRequest, PaymentProvider } from '../../providers/payments/provider.js';
import { PaymentProviderError } from '../../providers/payments/provider.js';
import { DomainError } from '../errors.js';
import type { LinkTokens } from './link-tokens.js';
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
  /** Tokens of payment links: made, stored hashed, shown again. */
  readonly linkTokens: LinkTokens;
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
  const payment = await requestCheckout(deps, intent, request);
  await deps.store.createPayment(payment);
  return payment;
}

/**
 * Opens a checkout with the provider: the pending payment to record (not yet recorded).
 * @throws DomainError `unavailable` when the provider cannot be reached or refuses
 */
export async function requestCheckout(
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
  return {
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
}

/**
 * Closes a payment's checkout with the provider, so it can no longer be paid. A failure is only
 * reported: the checkout then closes at its own expiry, and a payment made meanwhile is still
 * credited (see settle.ts), never lost.
 */
export async function closeCheckout(deps: PaymentsDeps, payment: Payment): Promise<void> {
  if (payment.provider !== deps.provider.name) {
    deps.logWarning(`payments: checkout ${payment.providerPaymentId} is with ${payment.provider}, not ${deps.provider.name}; it closes at its expiry`);
    return;
  }
  await deps.provider.expireCheckout(payment.providerPaymentId).catch((error: unknown) => {
    if (!(error instanceof PaymentProviderError)) throw error;
    deps.logWarning(`payments: closing checkout ${payment.providerPaymentId} of ${payment.id} failed; it closes at its expiry`, error);
  });
}
