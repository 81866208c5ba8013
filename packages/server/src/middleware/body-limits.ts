import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

/** The largest request body of each route: one default, and the few routes that need more. */
export interface BodyLimits {
  /** Bytes accepted on any route not listed in `byPath`. */
  readonly defaultMaxBytes: number;
  /** Exact paths with a limit of their own (Meta's webhooks: 3 MB). */
  readonly byPath?: Readonly<Record<string, number>> | undefined;
}

/**
 * One body limit for the whole app, so that no route — public pages and webhooks included — reads
 * an unbounded body because nobody thought to bound it. Over the limit is `413 payload_too_large`;
 * a body without `Content-Length` is counted as it streams in and cut off there.
 */
export function bodyLimits({ defaultMaxBytes, byPath = {} }: BodyLimits): MiddlewareHandler {
  const limiters = new Map(Object.entries(byPath).map(([path, maxSize]) => [path, bodyLimit({ maxSize, onError: tooLarge })]));
  const fallback = bodyLimit({ maxSize: defaultMaxBytes, onError: tooLarge });
  return async function bodyLimits(c, next) {
    return (limiters.get(c.req.path) ?? fallback)(c, next);
  };
}

function tooLarge(): never {
  throw new HTTPException(413, { message: 'the request body is larger than allowed' });
}
