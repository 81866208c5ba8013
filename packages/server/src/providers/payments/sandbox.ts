import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../domain/clock.js';
import { formatAmount, tryParseAmount } from '../../domain/money.js';
import { ISO_4217_TABLE } from '../../domain/payments/currency-tables.js';
import type { PaymentEvent } from '../../domain/payments/payment.js';
import type { SandboxCheckout, SandboxCheckoutStore } from '../../store/sandbox-checkout-store.js';
import type { Checkout, CheckoutRequest, PaymentProvider } from './provider.js';
import { InvalidWebhookError, PaymentProviderError } from './provider.js';
import { isValidSandboxSignature, sandboxSignature } from './sandbox-signature.js';

/** The header that carries the sandbox's webhook signature. */
export const SANDBOX_SIGNATURE_HEADER = 'Sandbox-Signature';

/** Sends a request through the app itself, as `app.request` does. */
export type SandboxDeliver = (path: string, init: RequestInit) => Response | Promise<Response>;

const SandboxEventSchema = z.object({
  id: z.string(),
  type: z.enum(['paid', 'failed', 'expired']),
  session: z.string().min(1),
  amount: z.string().refine((value) => tryParseAmount(value) !== null),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

/**
 * The test provider: its checkout is this server's own page (`GET /sandbox/checkout/:session`,
 * clearly marked TEST MODE), and pressing Pay or Decline there sends a webhook signed with
 * `WA_SANDBOX_WEBHOOK_SECRET` through `POST /webhooks/payments/sandbox`, the path a real provider
 * takes. No money moves. Its checkouts are in the database: any instance on it serves them.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox';
  readonly currencies = ISO_4217_TABLE;
  readonly #checkouts: SandboxCheckoutStore;
  readonly #secret: string;
  readonly #clock: Clock;
  #deliver: SandboxDeliver | undefined;

  constructor(options: { secret: string; clock: Clock; checkouts: SandboxCheckoutStore }) {
    this.#secret = options.secret;
    this.#clock = options.clock;
    this.#checkouts = options.checkouts;
  }

  /** Where its webhooks go: the app's own `request`. */
  connect(deliver: SandboxDeliver): void {
    this.#deliver = deliver;
  }

  async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    const id = `cs_test_${randomBytes(16).toString('base64url')}`;
    await this.#checkouts.createSandboxCheckout({
      id,
      amountMicros: request.amountMicros,
      currency: request.currency,
      description: request.description,
      successUrl: request.successUrl,
      cancelUrl: request.cancelUrl,
      state: 'open',
      createdAt: this.#clock.now(),
      expiresAt: request.expiresAt,
    });
    // The checkout page is served by this server: the one the success URL points back to.
    const checkoutUrl = `${new URL(request.successUrl).origin}/sandbox/checkout/${id}`;
    return { providerPaymentId: id, checkoutUrl, expiresAt: request.expiresAt };
  }

  async expireCheckout(providerPaymentId: string): Promise<void> {
    await this.#checkouts.moveSandboxCheckout(providerPaymentId, 'open', 'expired');
  }

  /** A test checkout by id, or null when unknown. */
  session(id: string): Promise<SandboxCheckout | null> {
    return this.#checkouts.getSandboxCheckout(id);
  }

  /**
   * Completes a test checkout as the payer chose: sends the signed `paid` or `failed` webhook
   * through the app and returns its status code. Only an open, unexpired session can complete.
   */
  async complete(id: string, outcome: 'paid' | 'failed'): Promise<number> {
    const session = await this.#checkouts.getSandboxCheckout(id);
    if (!this.#deliver) throw new PaymentProviderError('the sandbox provider is not connected to the app');
    const state = outcome === 'paid' ? 'paid' : 'declined';
    // Taken atomically so that a second, concurrent press (on any instance) finds the checkout
    // closed; given back if the webhook did not go through, so the payer can press again.
    if (!session || this.#clock.now() >= session.expiresAt || !(await this.#checkouts.moveSandboxCheckout(id, 'open', state))) {
      throw new PaymentProviderError('this test checkout is no longer open');
    }
    const body = JSON.stringify({
      id: `evt_test_${randomBytes(12).toString('base64url')}`,
      type: outcome,
      session: id,
      amount: formatAmount(session.amountMicros),
      currency: session.currency,
    });
    const response = await this.#deliver('/webhooks/payments/sandbox', {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: this.sign(body) },
    });
    if (response.status !== 200) await this.#checkouts.moveSandboxCheckout(id, state, 'open');
    return response.status;
  }

  /** The signature header value of a body, now: what tests use to forge or replay events. */
  sign(body: string): string {
    return sandboxSignature(this.#secret, body, this.#clock.now());
  }

  async parseWebhook(rawBody: Uint8Array, headers: Headers): Promise<PaymentEvent | null> {
    if (!isValidSandboxSignature(this.#secret, rawBody, headers.get(SANDBOX_SIGNATURE_HEADER) ?? undefined, this.#clock.now())) {
      throw new InvalidWebhookError(`${SANDBOX_SIGNATURE_HEADER} does not match the body`);
    }
    let event: z.infer<typeof SandboxEventSchema>;
    try {
      event = SandboxEventSchema.parse(JSON.parse(new TextDecoder().decode(rawBody)));
    } catch {
      throw new InvalidWebhookError('expected {"id","type","session","amount","currency"}');
    }
    return { type: event.type, providerPaymentId: event.session, amountMicros: tryParseAmount(event.amount), currency: event.currency };
  }
}
