import type { CurrencyTable } from '../../domain/payments/currency-tables.js';
import type { PaymentEvent } from '../../domain/payments/payment.js';

/** What a checkout is for. Amounts are micro-units; a provider refuses one it cannot charge exactly. */
export interface CheckoutRequest {
  readonly amountMicros: bigint;
  readonly currency: string;
  /** Shown to the payer, e.g. "Top-up for Test Bakery". */
  readonly description: string;
  /** Our id (`tu_…`, `pay_…`), kept with the provider's record. */
  readonly reference: string;
  readonly successUrl: string;
  readonly cancelUrl: string;
  /** When the checkout should stop accepting payment; providers may clamp it to their own bounds. */
  readonly expiresAt: Date;
}

/** A checkout opened with the provider. */
export interface Checkout {
  readonly providerPaymentId: string;
  readonly checkoutUrl: string;
  readonly expiresAt: Date;
}

/** A payment provider: opens checkouts, and verifies and reads its webhooks. */
export interface PaymentProvider {
  /** Path segment of its webhook: `POST /webhooks/payments/<name>`. */
  readonly name: string;
  /** How it counts each currency: the step of amounts offered and accepted, and its minor units. */
  readonly currencies: CurrencyTable;
  /** @throws PaymentProviderError when the provider cannot be reached or refuses */
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /**
   * Closes an open checkout so it can no longer be paid (a cancelled link, an abandoned top-up).
   * Closing one already closed is harmless.
   * @throws PaymentProviderError when the provider cannot be reached or refuses
   */
  expireCheckout(providerPaymentId: string): Promise<void>;
  /**
   * Verifies a webhook over its raw bytes and reads it: the event, or null for one we do not act on.
   * @throws InvalidWebhookError on a bad signature or an unreadable body
   */
  parseWebhook(rawBody: Uint8Array, headers: Headers): Promise<PaymentEvent | null>;
}

/** A webhook that is not verifiably the provider's, or not readable: nothing is stored. */
export class InvalidWebhookError extends Error {
  override readonly name = 'InvalidWebhookError';
}

/** The provider could not open a checkout (network, refusal): the caller may try again. */
export class PaymentProviderError extends Error {
  override readonly name = 'PaymentProviderError';
}
