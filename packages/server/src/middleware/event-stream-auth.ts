import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../domain/clock.js';
import { DomainError } from '../domain/errors.js';
import { authenticateWidgetSession } from '../domain/sessions.js';
import type { Store } from '../store/store.js';
import { bearerToken } from './partner-auth.js';
import type { WidgetEnv } from './widget-session.js';

/**
 * Widget-session auth for `GET /v1/events`: `Authorization: Bearer <client secret>`, or, because a
 * browser's `EventSource` cannot set headers, `?client_secret=<client secret>`.
 *
 * The trade-off of the query form: URLs end up in access logs, proxies and browser history, so the
 * secret may be written down where headers are not. It is tolerable because a client secret is a
 * short-lived, read-mostly grant for one account (minutes to hours) that the host can re-mint at
 * will; the better option, which the widgets may use, is fetch-based SSE (a streaming `fetch` read
 * by hand) with the header. The header wins when both are present.
 */
export function eventStreamAuth(store: Store, clock: Clock): MiddlewareHandler<WidgetEnv> {
  return async function eventStreamAuth(c, next) {
    const secret = bearerToken(c.req.header('Authorization')) ?? c.req.query('client_secret') ?? null;
    if (secret === null) {
      throw new DomainError('unauthenticated', 'session_expired', 'a widget session client secret is required');
    }
    c.set('session', await authenticateWidgetSession(store, clock, secret));
    await next();
  };
}
