import type { MiddlewareHandler } from 'hono';
import { setResponseHeader } from './response-headers.js';

type HeaderList = readonly (readonly [string, string])[];

/**
 * Headers of pages a browser renders (payment pages, the checkout, the demo console): the defaults
 * of Hono's `secureHeaders()` (helmet's set). The payment pages rely on Cross-Origin-Opener-Policy.
 */
const DOCUMENT_HEADERS: HeaderList = [
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/**
 * Headers of API answers (JSON, CSV, event streams), as OWASP's REST Security Cheat Sheet lists
 * them: never stored by a cache (balances and statements are private), never sniffed into a
 * document, never framed, HTTPS only. The other document headers (opener and agent-cluster
 * isolation, referrer, prefetch, download and XSS-filter switches) mean nothing to a response that
 * is never rendered, and every widget read would carry them.
 */
const API_HEADERS: HeaderList = [
  ['Cache-Control', 'no-store'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
];

/** Where the API answers: everything else is a page (or an asset) and gets the document headers. */
export const API_PATH_PREFIXES: readonly string[] = ['/v1/', '/webhooks/', '/healthz', '/metrics', '/openapi.json'];

/**
 * Sets the security headers on every response, before the handler runs: the API set on
 * {@link API_PATH_PREFIXES}, the document set elsewhere. A route that sets one of them itself
 * (`c.header`, or headers passed to `c.json`/`c.body`) wins. Hono's `secureHeaders({ overwrite:
 * false })` does the same after the handler, checking and setting each header on the finished
 * response, which cost about a third of a widget read; here they go out through
 * {@link setResponseHeader}.
 */
export function securityHeaders(apiPathPrefixes: readonly string[] = API_PATH_PREFIXES): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    const path = c.req.path;
    const headers = apiPathPrefixes.some((prefix) => path.startsWith(prefix)) ? API_HEADERS : DOCUMENT_HEADERS;
    for (const [name, value] of headers) setResponseHeader(c, name, value);
    await next();
  };
}
