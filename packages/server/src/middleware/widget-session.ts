import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../domain/clock.js';
import { DomainError } from '../domain/errors.js';
import type { Permission, WidgetSession } from '../domain/sessions.js';
import { authenticateWidgetSession, requirePermission } from '../domain/sessions.js';
import type { Store } from '../store/store.js';
import { bearerToken } from './partner-auth.js';

/** Hono environment of widget routes: the authenticated session is `c.get('session')`. */
export interface WidgetEnv {
  Variables: { session: WidgetSession };
}

/**
 * Admits requests whose `Authorization: Bearer <client secret>` names a live widget session and
 * exposes it as `c.get('session')`. Missing, unknown, forged and expired secrets are all
 * `401 session_expired`, the signal for the page to fetch a fresh one.
 */
export function widgetSessionAuth(store: Store, clock: Clock): MiddlewareHandler<WidgetEnv> {
  return async function widgetSessionAuth(c, next) {
    const secret = bearerToken(c.req.header('Authorization'));
    if (secret === null) {
      throw new DomainError('unauthenticated', 'session_expired', 'a widget session client secret is required');
    }
    c.set('session', await authenticateWidgetSession(store, clock, secret));
    await next();
  };
}

/** Lets through only sessions holding `permission` (`403 forbidden` otherwise). */
export function requireSessionPermission(permission: Permission): MiddlewareHandler<WidgetEnv> {
  return async function requireSessionPermission(c, next) {
    requirePermission(c.get('session'), permission);
    await next();
  };
}
