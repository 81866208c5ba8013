import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../domain/clock.js';
import { formatAmount, tryParseAmount } from '../../domain/money.js';
import type { PaymentEvent } from '../../domain/payments/payment.js';
import type { Checkout, CheckoutRequest, PaymentProvider } from './provider.js';
import { InvalidWebhookError, PaymentProviderError } from './provider.js';
import { isValidSandboxSignature, sandboxSignature } from './sandbox-signature.js';

/** The header that carries the sandbox's webhook signature. */
export const SANDBOX_SIGNATURE_HEADER = 'Sandbox-Signature';

/** A test checkout, kept in memory: a restart forgets open ones (their payments then expire). */
export interface SandboxSession {
  readonly id: string;
  readonly amountMicros: bigint;
  readonly currency: string;
  readonly description: string;
  readonly successUrl: string;
  readonly cancelUrl: string;
  readonly expiresAt: Date;
  state: 'open' | 'paid' | 'declined';
}

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
 * takes. No money moves.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox';
  readonly #sessions = new Map<string, SandboxSession>();
  readonly #secret: string;
  readonly #clock: Clock;
  #deliver: SandboxDeliver | undefined;

  constructor(options: { secret: string; clock: Clock }) {
    this.#secret = options.secret;
    this.#clock = options.clock;
  }

  /** Where its webhooks go: the app's own `request`. */
  connect(deliver: SandboxDeliver): void {
    this.#deliver = deliver;
  }

  async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    const id = `cs_test_${randomBytes(16).toString('base64url')}`;
    this.#sessions.set(id, { id, ...request, state: 'open' });
    // The checkout page is served by this server: the one the success URL points back to.
    const checkoutUrl = `${new URL(request.successUrl).origin}/sandbox/checkout/${id}`;
    return { providerPaymentId: id, checkoutUrl, expiresAt: request.expiresAt };
  }

  /** A test checkout by id, or null when unknown. */
  session(id: string): SandboxSession | null {
    return this.#sessions.get(id) ?? null;
  }

  /**
   * Completes a test checkout as the payer chose: sends the signed `paid` or `failed` webhook
   * through the app and returns its status code. Only an open, unexpired session can complete.
   */
  async complete(id: string, outcome: 'paid' | 'failed'): Promise<number> {
    const session = this.#sessions.get(id);
    if (!session || session.state !== 'open' || this.#clock.now() >= session.expiresAt) {
      throw new PaymentProviderError('this test checkout is no longer open');
    }
    if (!this.#deliver) throw new PaymentProviderError('the sandbox provider is not connected to the app');
    // Taken at once so that a second, concurrent press finds the checkout closed; given back if the
    // webhook did not go through, so the payer can press again.
    session.state = outcome === 'paid' ? 'paid' : 'declined';
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
    if (response.status !== 200) session.state = 'open';
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
