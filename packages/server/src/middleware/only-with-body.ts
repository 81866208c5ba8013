import type { MiddlewareHandler } from 'hono';

/**
 * Runs `middleware` (a body limit) only on requests that may carry a body. Hono's `bodyLimit`
 * asks the request for its body stream first, which on @hono/node-server turns the lightweight
 * request into a full Fetch `Request` (with its AbortSignal): a GET has no body to limit and
 * should not pay for that.
 */
export function onlyWithBody(middleware: MiddlewareHandler): MiddlewareHandler {
  return async function onlyWithBody(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return middleware(c, next);
  };
}
