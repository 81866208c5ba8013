import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

/**
 * Admits requests that carry `Authorization: Bearer <secret key>` of the partner's backend;
 * anything else is `401 unauthorized`. Digests are compared in constant time, so neither the
 * key's content nor its length leaks through timing.
 */
export function partnerAuth(secretKey: string): MiddlewareHandler {
  const expected = digest(secretKey);
  return async function partnerAuth(c, next) {
    const token = bearerToken(c.req.header('Authorization'));
    if (token === null || !timingSafeEqual(digest(token), expected)) {
      throw new HTTPException(401, { message: 'a valid partner secret key is required (Authorization: Bearer <key>)' });
    }
    await next();
  };
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer[ ]+(\S+)[ ]*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
