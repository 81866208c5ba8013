import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';
import { setResponseHeader } from './response-headers.js';

const ACCEPTED_ID = /^[\w\-=]{1,255}$/;

/**
 * Gives every request an id (`c.var.requestId`, echoed as `X-Request-Id`): the caller's own when it
 * sends a short, plain one, a random UUID otherwise. Hono's `requestId()` with the header set
 * through {@link setResponseHeader}.
 */
export function requestId(): MiddlewareHandler<{ Variables: RequestIdVariables }> {
  return async function requestId(c, next) {
    const given = c.req.header('X-Request-Id');
    const id = given !== undefined && ACCEPTED_ID.test(given) ? given : randomUUID();
    c.set('requestId', id);
    setResponseHeader(c, 'X-Request-Id', id);
    await next();
  };
}
