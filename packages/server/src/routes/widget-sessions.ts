import { createRoute, z } from '@hono/zod-openapi';
import { mintWidgetSession, SESSION_TTL } from '../domain/sessions.js';
import { WidgetSessionSchema, widgetSessionJson } from './representations.js';
import type { RateLimiter } from '../middleware/rate-limit.js';
import type { RouteDeps } from './router.js';
import { createRouter, partnerSecurity } from './router.js';
import { errorResponses, jsonBody, jsonResponse, PermissionSchema } from './schemas.js';

const MintWidgetSessionSchema = z
  .object({
    account_id: z.string().min(1).max(64),
    permissions: z.array(PermissionSchema).max(16).optional(),
    ttl_seconds: z.number().int().min(SESSION_TTL.min).max(SESSION_TTL.max).optional(),
  })
  .strict()
  .openapi('MintWidgetSession');

/** Partner API: mint short-lived widget sessions for the logged-in customer's account. */
export function widgetSessionRoutes({ store, clock, auth, limits }: RouteDeps & { readonly limits: RateLimiter }) {
  const mint = createRoute({
    method: 'post',
    path: '/v1/widget-sessions',
    tags: ['widget sessions'],
    summary: 'Mint a widget session (its client secret is shown once)',
    security: partnerSecurity,
    middleware: [auth] as const,
    request: { body: jsonBody(MintWidgetSessionSchema) },
    responses: {
      201: jsonResponse(WidgetSessionSchema, 'The session and its client secret'),
      ...errorResponses(400, 401, 404, 429),
    },
  });

  return createRouter().openapi(mint, async (c) => {
    const body = c.req.valid('json');
    await limits.enforce('session_mint', body.account_id);
    const minted = await mintWidgetSession(store, clock, {
      accountId: body.account_id,
      permissions: body.permissions,
      ttlSeconds: body.ttl_seconds,
    });
    return c.json(widgetSessionJson(minted), 201);
  });
}
