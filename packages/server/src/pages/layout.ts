import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Brand } from './brand.js';
import { normalizeColor, textOn } from './brand.js';

/** A hosted page: its title, main content, and an optional inline script (a literal of this codebase, never input). */
export interface HostedPage {
  readonly title: string;
  readonly body: HtmlEscapedString | Promise<HtmlEscapedString>;
  readonly script?: string | undefined;
  /** A TEST MODE banner above everything. */
  readonly testMode?: boolean | undefined;
}

/**
 * Renders a hosted page: plain HTML that works without JavaScript, every interpolation escaped,
 * a strict Content-Security-Policy (no external resources; the style and optional script carry a
 * per-response nonce), themed with the partner's brand.
 */
export function renderPage(c: Context, status: ContentfulStatusCode, brand: Brand, page: HostedPage) {
  const nonce = randomBytes(16).toString('base64');
  const color = normalizeColor(brand.color);
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'self'; form-action 'self' https:; base-uri 'none'; frame-ancestors 'none'`,
  );
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.html(
    html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title} · ${brand.name}</title>
<style nonce="${nonce}">
:root { --brand: ${color}; --on-brand: ${textOn(color)}; color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #f4f5f7; }
header { background: var(--brand); color: var(--on-brand); padding: 0.75rem 1.25rem; font-weight: 600; }
main { max-width: 28rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 0.75rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
h1 { font-size: 1.375rem; margin: 0 0 1rem; }
.amount { font-size: 2rem; font-weight: 700; margin: 0.25rem 0 1rem; }
dl { margin: 0 0 1.25rem; } dt { color: #4b5563; font-size: 0.875rem; } dd { margin: 0 0 0.75rem; overflow-wrap: anywhere; }
button { font: inherit; font-weight: 600; width: 100%; padding: 0.75rem 1rem; border-radius: 0.5rem; border: 2px solid transparent; background: var(--brand); color: var(--on-brand); cursor: pointer; }
button.secondary { background: #fff; color: #1b1f24; border-color: #6b7280; }
button:focus-visible, a:focus-visible { outline: 3px solid #111; outline-offset: 3px; }
form + form { margin-top: 0.75rem; }
a { color: #1d4ed8; }
.test-mode { background: #fde68a; color: #3b2a00; border-bottom: 2px solid #b45309; padding: 0.5rem 1.25rem; font-weight: 700; text-align: center; }
.muted { color: #4b5563; }
</style>
</head>
<body>
${page.testMode ? html`<div class="test-mode" role="note">TEST MODE — no real money</div>` : ''}
<header>${brand.name}</header>
<main>
${page.body}
</main>
${page.script ? html`<script nonce="${nonce}">${raw(page.script)}</script>` : ''}
</body>
</html>`,
    status,
  );
}
