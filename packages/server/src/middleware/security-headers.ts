import type { MiddlewareHandler } from 'hono';
import { setResponseHeader } from './response-headers.js';

/**
 * The headers of Hono's `secureHeaders()` defaults (helmet's set). Kept as data so that they are
 * set in one pass before the handler runs.
 */
const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
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
 * Sets the usual security headers on every response; a route that sets one of them itself
 * (`c.header`, or headers passed to `c.json`/`c.body`) wins. Hono's `secureHeaders({ overwrite:
 * false })` does the same after the handler, checking and setting each header on the finished
 * response, which cost about a third of a widget read; here they go out through
 * {@link setResponseHeader}.
 */
export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    for (const [name, value] of SECURITY_HEADERS) setResponseHeader(c, name, value);
    await next();
  };
}
