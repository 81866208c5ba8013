import { Hono } from 'hono';
import { html } from 'hono/html';
import type { Context } from 'hono';
import type { HostedLink } from '../domain/payments/payment-links.js';
import { findHostedLink, startLinkCheckout } from '../domain/payments/payment-links.js';
import type { PaymentsDeps } from '../domain/payments/payments-service.js';
import { DomainError } from '../domain/errors.js';
import { RateLimitedError } from '../domain/rate-limits.js';
import type { RateLimiter } from '../middleware/rate-limit.js';
import { errorBody } from '../middleware/errors.js';
import type { Brand } from '../pages/brand.js';
import { renderPage } from '../pages/layout.js';
import { formatDateTime, formatMoney, localeFrom } from '../pages/locale.js';
import { publicBaseUrl } from './payment-representations.js';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Closes the top-up's popup (its success URL says `?popup=1`). The widget opens it without an opener, and
 * this page's Cross-Origin-Opener-Policy would cut one anyway, so `window.opener` tells nothing; browsers let
 * a script close only a window a script opened, so a tab the payer opened stays.
 */
const CLOSE_POPUP = "if (/[?&]popup=1(&|$)/.test(location.search)) { setTimeout(function () { window.close(); }, 1500); }";

/** What the hosted pages need. */
export interface PayPageDeps {
  readonly payments: PaymentsDeps;
  readonly brand: Brand;
  readonly publicUrl: string | undefined;
  readonly limits: RateLimiter;
  /** Who is asking (see `clientAddress`): the pages are rate-limited per client address. */
  readonly clientAddress: (c: Context) => string;
}

/**
 * Hosted pages, no login, no JavaScript needed: `GET /pay/:token` shows a payment link (or why it
 * cannot be paid), `POST /pay/:token` opens a checkout and redirects there (303);
 * `GET /checkout/complete` and `/checkout/cancelled` are where providers send the payer back.
 */
export function payPageRoutes({ payments, brand, publicUrl, limits, clientAddress }: PayPageDeps) {
  const { store, clock } = payments;
  const router = new Hono();

  const linkOrNull = async (token: string) => (TOKEN.test(token) ? findHostedLink(store, clock, token) : null);

  // Over the limit, a browser (it asks for HTML) gets a page saying when to come back; anything
  // else, the API's error shape. Both carry Retry-After.
  const limited = async (c: Context, name: 'pay_page' | 'pay_checkout', subject: string) => {
    try {
      await limits.enforce(name, subject);
      return null;
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      c.header('Retry-After', String(error.retryAfterSeconds));
      if (!c.req.header('Accept')?.includes('text/html')) return c.json(errorBody('rate_limited', error.message), 429);
      return renderPage(c, 429, brand, {
        title: 'Too many requests',
        body: html`<h1>Too many requests</h1><p>Please wait ${error.retryAfterSeconds} seconds, then reload this page.</p>`,
      });
    }
  };
  router.use('/pay/:token', async (c, next) => (await limited(c, 'pay_page', clientAddress(c))) ?? next());

  router.get('/pay/:token', async (c) => {
    const hosted = await linkOrNull(c.req.param('token'));
    return hosted ? linkPage(c, brand, hosted) : unknownLinkPage(c, brand);
  });

  router.post('/pay/:token', async (c) => {
    const hosted = await linkOrNull(c.req.param('token'));
    if (!hosted) return unknownLinkPage(c, brand);
    // Paying a link that is no longer open is refused: the page says why, with a 4xx status.
    if (hosted.status !== 'open') return linkPage(c, brand, hosted, 409);
    // Each attempt opens a checkout with the provider: bounded per link, whoever asks.
    const refused = await limited(c, 'pay_checkout', hosted.link.id);
    if (refused) return refused;
    try {
      const payment = await startLinkCheckout(payments, hosted, publicBaseUrl(c.req.url, publicUrl));
      return c.redirect(payment.checkoutUrl, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'payment_link_not_open') {
        const now = await findHostedLink(store, clock, hosted.token);
        return linkPage(c, brand, now ?? hosted, 409);
      }
      if (error instanceof DomainError && error.code === 'payment_link_checkout_pending') {
        c.header('Retry-After', '2');
        return renderPage(c, 409, brand, {
          title: 'Payment being prepared',
          body: html`<h1>This payment is being prepared</h1>
<p>Someone just started paying this link. Wait a moment, then try again; nothing was charged.</p>
<p><a href="/pay/${hosted.token}">Back to the payment</a></p>`,
        });
      }
      if (!(error instanceof DomainError && error.kind === 'unavailable')) throw error;
      return renderPage(c, 502, brand, {
        title: 'Payment unavailable',
        body: html`<h1>Payment is unavailable right now</h1>
<p>The payment provider could not be reached. Nothing was charged. Please go back and try again in a moment.</p>
<p><a href="/pay/${hosted.token}">Back to the payment</a></p>`,
      });
    }
  });

  router.get('/checkout/complete', (c) =>
    renderPage(c, 200, brand, {
      title: 'Payment received',
      body: html`<h1>Payment received — you can close this window</h1>
<p class="muted">Your payment is being confirmed with the provider; the balance updates in a moment.</p>`,
      script: CLOSE_POPUP,
    }),
  );

  router.get('/checkout/cancelled', (c) =>
    renderPage(c, 200, brand, {
      title: 'Payment not completed',
      body: html`<h1>Payment not completed — you can close this window</h1><p class="muted">Nothing was charged.</p>`,
    }),
  );

  return router;
}

function linkPage(c: Context, brand: Brand, { link, token, account, status }: HostedLink, paidStatus: 200 | 409 = 200) {
  const locale = localeFrom(c.req.header('Accept-Language'));
  const amount = formatMoney(link.amountMicros, link.currency, locale);
  const payee = html`<dl>
<dt>Pay to</dt><dd>${account.name}</dd>
${link.note ? html`<dt>Note</dt><dd>${link.note}</dd>` : ''}
</dl>`;
  if (status === 'paid') {
    return renderPage(c, paidStatus, brand, {
      title: 'Paid',
      body: html`<h1>This payment has been made</h1><p class="amount">${amount}</p>${payee}
<p>Paid on ${formatDateTime(link.paidAt ?? link.createdAt, locale)}. Thank you.</p>`,
    });
  }
  if (status === 'cancelled') {
    return renderPage(c, 410, brand, {
      title: 'Link cancelled',
      body: html`<h1>This payment link was cancelled</h1>${payee}<p>It can no longer be paid. Ask ${account.name} for a new link if needed.</p>`,
    });
  }
  if (status === 'expired') {
    return renderPage(c, 410, brand, {
      title: 'Link expired',
      body: html`<h1>This payment link has expired</h1>${payee}
<p>It expired on ${formatDateTime(link.expiresAt, locale)}. Ask ${account.name} for a new link if needed.</p>`,
    });
  }
  return renderPage(c, 200, brand, {
    title: `Pay ${amount}`,
    body: html`<h1>Payment request</h1>
<p class="amount">${amount}</p>
${payee}
<dl><dt>Expires</dt><dd>${formatDateTime(link.expiresAt, locale)}</dd></dl>
<form method="post" action="/pay/${token}"><button type="submit">Pay ${amount}</button></form>
<p class="muted">You will be taken to a secure checkout page to complete the payment.</p>`,
  });
}

function unknownLinkPage(c: Context, brand: Brand) {
  return renderPage(c, 404, brand, {
    title: 'Link not found',
    body: html`<h1>Payment link not found</h1><p>Check that the address is complete, or ask the sender for a new link.</p>`,
  });
}
