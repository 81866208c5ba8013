import Stripe from 'stripe';
import { fromMinorUnits, STRIPE_CURRENCY_TABLE, toMinorUnits } from '../../domain/payments/currency-tables.js';
import type { PaymentEvent } from '../../domain/payments/payment.js';
import type { Checkout, CheckoutRequest, PaymentProvider } from './provider.js';
import { InvalidWebhookError, PaymentProviderError } from './provider.js';

/** Stripe keeps a Checkout Session open between 30 minutes and 24 hours. */
const MIN_SESSION_MS = 30 * 60_000 + 60_000;
const MAX_SESSION_MS = 24 * 3_600_000 - 60_000;

/**
 * Stripe client options that send every request to `apiBase` (STRIPE_API_BASE: stripe-mock or a
 * test double) instead of api.stripe.com.
 */
export function stripeClientFor(apiBase: string): Stripe.StripeConfig {
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}

/** Settings of the Stripe provider. */
export interface StripeProviderOptions {
  /** STRIPE_SECRET_KEY (`sk_live_…` / `sk_test_…`). */
  readonly secretKey: string;
  /** STRIPE_WEBHOOK_SECRET (`whsec_…`), the signing secret of the webhook endpoint. */
  readonly webhookSecret: string;
  /** The current time, for Checkout's `expires_at` bounds. */
  readonly now?: (() => Date) | undefined;
  /** Stripe client options, e.g. a test host ({@link stripeClientFor}). */
  readonly stripeConfig?: Stripe.StripeConfig | undefined;
}

/**
 * Stripe Checkout through the official SDK: a Checkout Session in `payment` mode per checkout, and
 * `checkout.session.*` webhooks verified with `stripe.webhooks.constructEvent`. Amounts go to Stripe
 * in its own minor units (its currency table, not `Intl`), converted exactly from micro-units, and
 * are read back from its events the same way.
 */
export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe';
  readonly currencies = STRIPE_CURRENCY_TABLE;
  readonly #stripe: Stripe;
  readonly #webhookSecret: string;
  readonly #now: () => Date;

  constructor(options: StripeProviderOptions) {
    this.#stripe = new Stripe(options.secretKey, { maxNetworkRetries: 1, timeout: 20_000, ...options.stripeConfig });
    this.#webhookSecret = options.webhookSecret;
    this.#now = options.now ?? (() => new Date());
  }

  async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    const unitAmount = toMinorUnits(this.currencies, request.amountMicros, request.currency);
    if (unitAmount === null) throw new PaymentProviderError(`Stripe cannot charge ${request.currency} amounts that are not whole steps`);
    const now = this.#now().getTime();
    const expiresAtMs = Math.min(now + MAX_SESSION_MS, Math.max(now + MIN_SESSION_MS, request.expiresAt.getTime()));
    let session: Stripe.Checkout.Session;
    try {
      session = await this.#stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: request.currency.toLowerCase(),
              unit_amount: Number(unitAmount),
              product_data: { name: request.description },
            },
          },
        ],
        client_reference_id: request.reference,
        metadata: { reference: request.reference },
        payment_intent_data: { metadata: { reference: request.reference } },
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
        expires_at: Math.floor(expiresAtMs / 1000),
      });
    } catch (error) {
      throw new PaymentProviderError(`Stripe refused the checkout: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!session.url) throw new PaymentProviderError('Stripe returned a Checkout Session without a URL');
    return { providerPaymentId: session.id, checkoutUrl: session.url, expiresAt: new Date(session.expires_at * 1000) };
  }

  async expireCheckout(providerPaymentId: string): Promise<void> {
    try {
      await this.#stripe.checkout.sessions.expire(providerPaymentId);
    } catch (error) {
      // Stripe answers 400 for a session that is no longer open (paid, expired): nothing to close.
      if (error instanceof Stripe.errors.StripeInvalidRequestError) return;
      throw new PaymentProviderError(`Stripe did not expire ${providerPaymentId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async parseWebhook(rawBody: Uint8Array, headers: Headers): Promise<PaymentEvent | null> {
    let event: Stripe.Event;
    try {
      event = this.#stripe.webhooks.constructEvent(Buffer.from(rawBody), headers.get('Stripe-Signature') ?? '', this.#webhookSecret);
    } catch (error) {
      throw new InvalidWebhookError(error instanceof Error ? error.message : 'invalid Stripe-Signature');
    }
    switch (event.type) {
      case 'checkout.session.completed':
        // A delayed method (bank debit) completes unpaid; its async_payment_* event settles it later.
        return event.data.object.payment_status === 'paid' ? toPaymentEvent('paid', event.data.object) : null;
      case 'checkout.session.async_payment_succeeded':
        return toPaymentEvent('paid', event.data.object);
      case 'checkout.session.async_payment_failed':
        return toPaymentEvent('failed', event.data.object);
      case 'checkout.session.expired':
        return toPaymentEvent('expired', event.data.object);
      default:
        return null;
    }
  }
}

function toPaymentEvent(type: PaymentEvent['type'], session: Stripe.Checkout.Session): PaymentEvent {
  const currency = session.currency?.toUpperCase() ?? null;
  const amountMicros =
    currency && session.amount_total !== null ? fromMinorUnits(STRIPE_CURRENCY_TABLE, BigInt(session.amount_total), currency) : null;
  return { type, providerPaymentId: session.id, amountMicros, currency };
}
