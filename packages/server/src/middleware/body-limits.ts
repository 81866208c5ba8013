import { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
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
  const limiters = new Map(Object.entries(byPath).map(([path, maxSize]) => [path, limitBody(maxSize, tooLarge)]));
  const fallback = limitBody(defaultMaxBytes, tooLarge);
  return async function bodyLimits(c, next) {
    return (limiters.get(c.req.path) ?? fallback)(c, next);
  };
}

/**
 * A body limit of `maxBytes` that answers `onError` over it. Hono's `bodyLimit` first asks the
 * request for its body stream, which on @hono/node-server turns the lightweight request into a full
 * Fetch `Request` with a web stream and an AbortSignal: most of the cost of a small webhook. On
 * Node, a body with a `Content-Length` cannot be longer (the HTTP parser reads exactly that many
 * bytes), so the header alone decides and the body is later read straight from the socket's
 * stream; a chunked body, or a request not from Node (`app.request()` in tests), goes through
 * Hono's `bodyLimit`, which counts the bytes as they stream in.
 */
export function limitBody(maxBytes: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const streaming = bodyLimit({ maxSize: maxBytes, onError });
  return async function limitBody(c, next) {
    const declared = declaredLength(c);
    if (declared === null) return streaming(c, next);
    return declared > maxBytes ? onError(c) : next();
  };
}

/** The `Content-Length` of a Node request without `Transfer-Encoding`; null when the body must be counted. */
function declaredLength(c: Context): number | null {
  const incoming: unknown = (c.env as { incoming?: unknown } | undefined)?.incoming;
  if (!(incoming instanceof IncomingMessage)) return null;
  const { headers } = incoming;
  const length = headers['content-length'];
  if (length === undefined || headers['transfer-encoding'] !== undefined || !/^\d+$/.test(length)) return null;
  return Number(length);
}

function tooLarge(): never {
  throw new HTTPException(413, { message: 'the request body is larger than allowed' });
}
