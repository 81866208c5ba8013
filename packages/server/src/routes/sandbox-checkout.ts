import { Hono } from 'hono';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Clock } from '../domain/clock.js';
import type { Brand } from '../pages/brand.js';
import { renderPage } from '../pages/layout.js';
import { formatMoney, localeFrom } from '../pages/locale.js';
import type { SandboxPaymentProvider } from '../providers/payments/sandbox.js';
import { PaymentProviderError } from '../providers/payments/provider.js';
import { publicBaseUrl } from './payment-representations.js';

/** What the sandbox checkout needs. */
export interface SandboxCheckoutDeps {
  readonly sandbox: SandboxPaymentProvider;
  readonly clock: Clock;
  readonly brand: Brand;
  /** Origins a `return_url` may point to besides this server's (the widget origins). */
  readonly allowedOrigins: readonly string[];
  /** This server's public URL (`WA_PUBLIC_URL`); unset (demo, tests), the request's origin. */
  readonly publicUrl?: string | undefined;
}

/**
 * The sandbox provider's test checkout: `GET /sandbox/checkout/:session` (TEST MODE banner, the
 * amount, Pay and Decline forms), `POST …/pay` and `POST …/decline`, which make the sandbox send its
 * signed webhook through the app and then redirect to `return_url` (same-tab flows; only this
 * server's origin or an allowed widget origin) or to the checkout's own success or cancel page.
 */
export function sandboxCheckoutRoutes({ sandbox, clock, brand, allowedOrigins, publicUrl }: SandboxCheckoutDeps) {
  const router = new Hono();

  const returnUrl = (c: Context, value: string | undefined): string | null => {
    if (!value || !URL.canParse(value)) return null;
    const url = new URL(value);
    const allowed = url.origin === new URL(publicBaseUrl(c.req.url, publicUrl)).origin || allowedOrigins.includes(url.origin);
    return allowed && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : null;
  };

  router.get('/sandbox/checkout/:session', async (c) => {
    const session = await sandbox.session(c.req.param('session'));
    if (!session) return closedPage(c, brand, 404, 'This test checkout does not exist');
    if (session.state === 'paid') return closedPage(c, brand, 200, 'Payment received — you can close this window');
    if (session.state === 'declined') return closedPage(c, brand, 200, 'Payment declined — you can close this window');
    if (session.state === 'expired' || clock.now() >= session.expiresAt) return closedPage(c, brand, 410, 'This test checkout has expired');
    const amount = formatMoney(session.amountMicros, session.currency, localeFrom(c.req.header('Accept-Language')));
    const back = returnUrl(c, c.req.query('return_url'));
    const hidden = back ? html`<input type="hidden" name="return_url" value="${back}">` : '';
    const action = `/sandbox/checkout/${session.id}`;
    return renderPage(c, 200, brand, {
      title: 'Test checkout',
      testMode: true,
      body: html`<h1>Test checkout</h1>
<p class="amount">${amount}</p>
<dl><dt>For</dt><dd>${session.description}</dd></dl>
<p class="muted">This is the sandbox payment provider. No card is asked for and no money moves.</p>
<form method="post" action="${action}/pay">${hidden}<button type="submit">Pay ${amount}</button></form>
<form method="post" action="${action}/decline">${hidden}<button type="submit" class="secondary">Decline</button></form>`,
    });
  });

  for (const [path, outcome] of [['pay', 'paid'], ['decline', 'failed']] as const) {
    router.post(`/sandbox/checkout/:session/${path}`, async (c) => {
      const session = await sandbox.session(c.req.param('session'));
      if (!session) return closedPage(c, brand, 404, 'This test checkout does not exist');
      if (session.state !== 'open' || clock.now() >= session.expiresAt) {
        return c.redirect(`/sandbox/checkout/${session.id}`, 303);
      }
      const form = await c.req.parseBody();
      const back = returnUrl(c, typeof form['return_url'] === 'string' ? form['return_url'] : undefined);
      let status: number;
      try {
        status = await sandbox.complete(session.id, outcome);
      } catch (error) {
        // a concurrent press completed it first: show the checkout as it now is
        if (error instanceof PaymentProviderError) return c.redirect(`/sandbox/checkout/${session.id}`, 303);
        throw error;
      }
      if (status !== 200) return closedPage(c, brand, 502, 'The test payment could not be recorded. Please try again.');
      return c.redirect(back ?? (outcome === 'paid' ? session.successUrl : session.cancelUrl), 303);
    });
  }

  return router;
}

function closedPage(c: Context, brand: Brand, status: 200 | 404 | 410 | 502, message: string) {
  return renderPage(c, status, brand, { title: 'Test checkout', testMode: true, body: html`<h1>${message}</h1>` });
}
