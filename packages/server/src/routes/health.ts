import { createRoute, z } from '@hono/zod-openapi';
import { errorBody } from '../middleware/errors.js';
import type { Store } from '../store/store.js';
import { createRouter } from './router.js';
import { ErrorSchema, jsonResponse } from './schemas.js';

/** `GET /healthz`: ok once the database answers, 503 while it does not. */
export function healthRoutes(store: Store) {
  const health = createRoute({
    method: 'get',
    path: '/healthz',
    tags: ['health'],
    summary: 'Liveness and database readiness',
    responses: {
      200: jsonResponse(z.object({ ok: z.literal(true) }), 'The server and its database answer'),
      503: jsonResponse(ErrorSchema, 'The database does not answer'),
    },
  });

  return createRouter().openapi(health, async (c) => {
    try {
      await store.ping();
    } catch {
      return c.json(errorBody('database_unavailable', 'the database does not answer'), 503);
    }
    return c.json({ ok: true as const }, 200);
  });
}
