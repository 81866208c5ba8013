import { createRoute } from '@hono/zod-openapi';
import type { Clock } from '../domain/clock.js';
import { mintWidgetSession, PERMISSIONS } from '../domain/sessions.js';
import { WidgetSessionSchema, widgetSessionJson } from '../routes/representations.js';
import { createRouter } from '../routes/router.js';
import { errorResponses, jsonResponse } from '../routes/schemas.js';
import type { Store } from '../store/store.js';

/**
 * `POST /demo/session`: stands in for the host backend of the demo console, minting a session
 * with every permission for the demo account. Registered only in demo mode.
 */
export function demoRoutes(store: Store, clock: Clock, accountId: string) {
  const mint = createRoute({
    method: 'post',
    path: '/demo/session',
    tags: ['demo'],
    summary: 'Mint an all-permission widget session for the demo account (demo mode only)',
    hide: true,
    responses: { 201: jsonResponse(WidgetSessionSchema, 'The session'), ...errorResponses(404) },
  });

  return createRouter().openapi(mint, async (c) => {
    const minted = await mintWidgetSession(store, clock, { accountId, permissions: PERMISSIONS });
    return c.json(widgetSessionJson(minted), 201);
  });
}
