import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bearerToken } from '../middleware/partner-auth.js';
import type { AppMetrics } from '../ops/metrics.js';

/** What `GET /metrics` needs. */
export interface MetricsRouteDeps {
  readonly metrics: AppMetrics;
  /**
   * The bearer token a scraper must send: `WA_METRICS_TOKEN` when set, else the partner secret key.
   * A token of its own is the advice: the scraper then holds no key that can move money.
   */
  readonly token: string;
}

/** `GET /metrics`: Prometheus text format, behind a bearer token (not in the OpenAPI document). */
export function metricsRoutes({ metrics, token }: MetricsRouteDeps) {
  const expected = digest(token);
  return new Hono().get('/metrics', async (c) => {
    const presented = bearerToken(c.req.header('Authorization'));
    if (presented === null || !timingSafeEqual(digest(presented), expected)) {
      throw new HTTPException(401, { message: 'metrics need Authorization: Bearer <WA_METRICS_TOKEN, or the partner key when it is unset>' });
    }
    const text = await metrics.registry.metrics();
    return c.body(text, 200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
  });
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
