import type { MiddlewareHandler } from 'hono';
import { appendResponseHeader, setResponseHeader } from './response-headers.js';

/** What the widget API lets a browser on an allowed origin do. */
export interface WidgetCorsOptions {
  /** Exact origins (`https://console.example.com`) allowed to call. */
  readonly origins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  /** How long a browser may cache a preflight, in seconds. */
  readonly maxAgeSeconds: number;
}

/**
 * CORS for an allow-list of origins, without credentials. A preflight (`OPTIONS` with an `Origin`)
 * is answered `204` here, granting only to an allowed origin; any other request runs, then an
 * allowed origin is granted the response, errors included. Every response says `Vary: Origin`.
 *
 * Hono's `cors()` does the same but reads `c.res.headers` before the handler runs, which makes
 * Hono build a placeholder response and copy its headers into the real one afterwards; on a
 * widget read that copy cost as much as the read itself. What is granted depends on the request
 * alone, so it is set before the handler, through {@link setResponseHeader}.
 */
export function widgetCors(options: WidgetCorsOptions): MiddlewareHandler {
  const allowed = new Set(options.origins);
  const allowMethods = options.allowMethods.join(',');
  const allowHeaders = options.allowHeaders.join(',');
  const exposeHeaders = options.exposeHeaders.join(',');
  const maxAge = String(options.maxAgeSeconds);
  return async function widgetCors(c, next) {
    const origin = c.req.header('Origin');
    const granted = origin !== undefined && allowed.has(origin);
    if (c.req.method === 'OPTIONS' && origin !== undefined) {
      c.header('Vary', 'Origin, Access-Control-Request-Headers');
      if (granted) {
        c.header('Access-Control-Allow-Origin', origin);
        c.header('Access-Control-Allow-Methods', allowMethods);
        c.header('Access-Control-Allow-Headers', allowHeaders);
        c.header('Access-Control-Max-Age', maxAge);
        if (exposeHeaders) c.header('Access-Control-Expose-Headers', exposeHeaders);
      }
      return c.body(null, 204);
    }
    appendResponseHeader(c, 'Vary', 'Origin');
    if (granted) {
      setResponseHeader(c, 'Access-Control-Allow-Origin', origin);
      if (exposeHeaders) setResponseHeader(c, 'Access-Control-Expose-Headers', exposeHeaders);
    }
    await next();
  };
}
