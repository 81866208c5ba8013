import type { Hook } from '@hono/zod-openapi';
import type { Context, Env, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { DomainErrorKind } from '../domain/errors.js';
import { DomainError } from '../domain/errors.js';
import { RateLimitedError } from '../domain/rate-limits.js';

/** The one error shape of the API: `{"error":{"code","message"}}`. */
export interface ErrorBody {
  error: { code: string; message: string };
}

const STATUS_OF_KIND: Record<DomainErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  // a service we depend on (the payment provider) failed: nothing was written, the caller may retry
  unavailable: 502,
};

const CODE_OF_STATUS: Partial<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

const TARGET_NAMES: Partial<Record<string, string>> = { json: 'body', query: 'query', param: 'path', header: 'header' };

/** Builds the error body. */
export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/**
 * `defaultHook` of every router: a request that fails its zod schema becomes
 * `400 invalid_request` naming each offending field.
 */
export function validationHook<E extends Env>(
  result: Parameters<Hook<unknown, E, string, unknown>>[0],
  c: Context<E>,
): Response | undefined {
  if (result.success) return undefined;
  const message = describeZodError(result.error, TARGET_NAMES[result.target] ?? result.target);
  return c.json(errorBody('invalid_request', message), 400);
}

/**
 * Maps anything thrown to the error shape: domain errors by kind, Hono's HTTP exceptions by status
 * (malformed JSON → `invalid_json`), rate limits to `429 rate_limited` with `Retry-After`, everything
 * else to a logged `500 internal_error`.
 */
export function errorHandler(log: (message: string, error: unknown) => void = console.error): ErrorHandler {
  return function mapError(error: unknown, c: Context) {
    if (error instanceof DomainError) {
      if (error.kind === 'unauthenticated') c.header('WWW-Authenticate', 'Bearer');
      return c.json(errorBody(error.code, error.message), STATUS_OF_KIND[error.kind]);
    }
    if (error instanceof RateLimitedError) {
      c.header('Retry-After', String(error.retryAfterSeconds));
      return c.json(errorBody('rate_limited', error.message), 429);
    }
    if (error instanceof HTTPException && error.status < 500) {
      if (error.status === 401) c.header('WWW-Authenticate', 'Bearer');
      const malformedJson = error.status === 400 && /malformed json/i.test(error.message);
      const code = malformedJson ? 'invalid_json' : (CODE_OF_STATUS[error.status] ?? 'bad_request');
      const message = malformedJson ? 'the request body is not valid JSON' : error.message || code.replaceAll('_', ' ');
      return c.json(errorBody(code, message), error.status as ContentfulStatusCode);
    }
    const requestId: unknown = c.get('requestId');
    log(`request ${String(requestId)} ${c.req.method} ${c.req.path} failed`, error);
    return c.json(errorBody('internal_error', 'an unexpected error occurred'), 500);
  };
}

/** Answers unknown paths with `404 not_found` in the error shape. */
export const notFoundHandler: NotFoundHandler = (c) =>
  c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404);

function describeZodError(error: ZodError, target: string): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.map(String).join('.') : target;
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}
