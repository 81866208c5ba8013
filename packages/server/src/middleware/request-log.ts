import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from '../ops/logger.js';
import type { AppMetrics } from '../ops/metrics.js';

/** Where finished requests are reported; each is optional. */
export interface RequestLogOptions {
  /** One `request` line per request: request id, method, route, status, duration. */
  readonly logger?: Logger | undefined;
  /** Request count and latency by route pattern. */
  readonly metrics?: AppMetrics | undefined;
}

/** Label of requests no route answered: raw paths would give every scanner its own time series. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Times each request once and reports it to the logger and the metrics. The duration is to the
 * response headers (a stream's lifetime is not the request's latency). Mount it right after the
 * request id, so that it sees every request, including refused ones.
 */
export function requestLog({ logger, metrics }: RequestLogOptions): MiddlewareHandler {
  return async function requestLog(c, next) {
    const start = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - start) / 1000;
      const route = routePattern(c);
      const status = c.res.status;
      metrics?.observeRequest(c.req.method, route, status, seconds);
      logger?.info('request', {
        request_id: c.get('requestId') as string | undefined,
        method: c.req.method,
        route,
        status,
        duration_ms: Math.round(seconds * 1e6) / 1e3,
      });
    }
  };
}

/**
 * The pattern of the route that answered (`/v1/topups/:id`), or of the app-wide middleware that
 * refused the request (`/v1/*`, e.g. a body too large); {@link UNMATCHED_ROUTE} for a 404 no route claimed.
 */
function routePattern(c: Context): string {
  const route = matchedRoutes(c)[c.req.routeIndex];
  if (!route || (route.method === 'ALL' && c.res.status === 404)) return UNMATCHED_ROUTE;
  return route.path;
}
