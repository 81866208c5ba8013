import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Checkout Session as the double keeps it. */
export interface DoubleSession {
  readonly id: string;
  readonly currency: string;
  /** `line_items[0][price_data][unit_amount]` as Stripe received it: what the payer is charged. */
  readonly unitAmount: number;
  readonly reference: string | null;
  readonly successUrl: string | null;
  readonly cancelUrl: string | null;
  readonly expiresAt: number;
  status: 'open' | 'complete' | 'expired';
}

/**
 * A stand-in for api.stripe.com on a real local port (point `STRIPE_API_BASE` or
 * `stripeClientFor(url)` at it): creates and expires Checkout Sessions from the SDK's form-encoded
 * bodies, and signs the webhooks Stripe would send (`Stripe-Signature: t=…,v1=HMAC`).
 */
export interface StripeDouble {
  readonly url: string;
  readonly sessions: DoubleSession[];
  /** Ids of sessions expired through `POST /v1/checkout/sessions/:id/expire`. */
  readonly expired: string[];
  /** How long each create waits before answering, as the network would (default 0). */
  createDelayMs: number;
  /** A signed `checkout.session.completed` (paid) event for a session: its body and signature header. */
  completedEvent(sessionId: string, webhookSecret: string): { body: string; signature: string };
  close(): Promise<void>;
}

/** Starts a {@link StripeDouble} on 127.0.0.1 and a free port. */
export async function startStripeDouble(): Promise<StripeDouble> {
  const sessions: DoubleSession[] = [];
  const expired: string[] = [];
  const double = { createDelayMs: 0 };

  const json = (session: DoubleSession) => ({
    id: session.id,
    object: 'checkout.session',
    mode: 'payment',
    status: session.status,
    url: session.status === 'open' ? `https://checkout.stripe.test/c/pay/${session.id}` : null,
    currency: session.currency,
    amount_total: session.unitAmount,
    payment_status: session.status === 'complete' ? 'paid' : 'unpaid',
    client_reference_id: session.reference,
    metadata: { reference: session.reference },
    success_url: session.successUrl,
    cancel_url: session.cancelUrl,
    expires_at: session.expiresAt,
  });

  const server: Server = createServer((req, res) => {
    void (async () => {
      const form = new URLSearchParams(await bodyOf(req));
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${sessions.length}` });
        res.end(JSON.stringify(body));
      };
      const path = new URL(req.url ?? '/', 'http://double').pathname;
      if (req.method === 'POST' && path === '/v1/checkout/sessions') {
        if (double.createDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, double.createDelayMs));
        const session: DoubleSession = {
          id: `cs_test_double_${sessions.length + 1}`,
          currency: form.get('line_items[0][price_data][currency]') ?? '',
          unitAmount: Number(form.get('line_items[0][price_data][unit_amount]')),
          reference: form.get('client_reference_id'),
          successUrl: form.get('success_url'),
          cancelUrl: form.get('cancel_url'),
          expiresAt: Number(form.get('expires_at')),
          status: 'open',
        };
        sessions.push(session);
        return reply(200, json(session));
      }
      const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path);
      if (req.method === 'POST' && expire) {
        const session = sessions.find((s) => s.id === expire[1]);
        if (!session || session.status !== 'open') {
          return reply(400, { error: { type: 'invalid_request_error', message: `Only open sessions can be expired` } });
        }
        session.status = 'expired';
        expired.push(session.id);
        return reply(200, json(session));
      }
      reply(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${path})` } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(double, {
    url: `http://127.0.0.1:${port}`,
    sessions,
    expired,
    completedEvent(sessionId: string, webhookSecret: string) {
      const session = sessions.find((s) => s.id === sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      session.status = 'complete';
      const body = JSON.stringify({
        id: `evt_${sessionId}_completed`,
        object: 'event',
        type: 'checkout.session.completed',
        api_version: '2025-01-27',
        created: Math.floor(Date.now() / 1000),
        data: { object: json(session) },
      });
      const t = Math.floor(Date.now() / 1000);
      const v1 = createHmac('sha256', webhookSecret).update(`${t}.${body}`).digest('hex');
      return { body, signature: `t=${t},v1=${v1}` };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
