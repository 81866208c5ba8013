import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env, MiddlewareHandler } from 'hono';
import type { Clock } from '../domain/clock.js';
import { validationHook } from '../middleware/errors.js';
import type { Store } from '../store/store.js';

/** A router whose zod validation failures answer `400 invalid_request`. */
export function createRouter<E extends Env = Env>(): OpenAPIHono<E> {
  return new OpenAPIHono<E>({ defaultHook: validationHook });
}

/** What a resource's routes need: the store, the clock and the auth of their route group. */
export interface RouteDeps<E extends Env = Env> {
  readonly store: Store;
  readonly clock: Clock;
  readonly auth: MiddlewareHandler<E>;
}

/** OpenAPI security requirement of the partner API. */
export const partnerSecurity = [{ partnerKey: [] }];

/** OpenAPI security requirement of the widget API. */
export const widgetSecurity = [{ widgetSession: [] }];
