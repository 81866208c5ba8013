import { createRoute, z } from '@hono/zod-openapi';
import type { WidgetSession } from '../domain/sessions.js';
import { mintWidgetSession, revokeAccountWidgetSessions, revokeWidgetSession, SESSION_TTL } from '../domain/sessions.js';
import type { LiveEventBus } from '../live/live-events.js';
import { WidgetSessionSchema, widgetSessionJson } from './representations.js';
import type { RateLimiter } from '../middleware/rate-limit.js';
import type { RouteDeps } from './router.js';
import { createRouter, partnerSecurity } from './router.js';
import { AccountIdParamSchema, errorResponses, jsonBody, jsonResponse, PermissionSchema, TimestampSchema } from './schemas.js';

const MintWidgetSessionSchema = z
  .object({
    account_id: z.string().min(1).max(64),
    permissions: z.array(PermissionSchema).max(16).optional(),
    ttl_seconds: z.number().int().min(SESSION_TTL.min).max(SESSION_TTL.max).optional(),
  })
  .strict()
  .openapi('MintWidgetSession');

const SessionIdParamSchema = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, example: 'wss_5vQbH2m9qfZC0hMvW1nU7w' }),
});

/** A revoked session (never its client secret). */
const RevokedWidgetSessionSchema = z
  .object({
    id: z.string(),
    account_id: z.string(),
    permissions: z.array(PermissionSchema),
    expires_at: TimestampSchema,
    revoked_at: TimestampSchema.openapi({ description: 'When it was first revoked' }),
  })
  .openapi('RevokedWidgetSession');

const RevokedCountSchema = z
  .object({ revoked: z.number().int().openapi({ description: 'Sessions that were live and are now revoked' }) })
  .openapi('RevokedWidgetSessions');

/**
 * Partner API: mint short-lived widget sessions for the logged-in customer's account, and revoke
 * them — one by id, or all of an account's (the host's logout). A revoked client secret is
 * `401 session_expired` from the next request on; open event streams of this process are told
 * at once, those of other instances at their next heartbeat.
 */
export function widgetSessionRoutes({
  store,
  clock,
  auth,
  liveEvents,
  limits,
}: RouteDeps & { readonly liveEvents: LiveEventBus; readonly limits: RateLimiter }) {
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
  const revoke = createRoute({
    method: 'delete',
    path: '/v1/widget-sessions/{id}',
    tags: ['widget sessions'],
    summary: 'Revoke a widget session (idempotent)',
    security: partnerSecurity,
    middleware: [auth] as const,
    request: { params: SessionIdParamSchema },
    responses: { 200: jsonResponse(RevokedWidgetSessionSchema, 'The session, revoked'), ...errorResponses(400, 401, 404) },
  });
  const revokeAll = createRoute({
    method: 'delete',
    path: '/v1/accounts/{id}/widget-sessions',
    tags: ['widget sessions'],
    summary: "Revoke every live widget session of an account (the customer's logout)",
    security: partnerSecurity,
    middleware: [auth] as const,
    request: { params: AccountIdParamSchema },
    responses: { 200: jsonResponse(RevokedCountSchema, 'How many sessions were revoked'), ...errorResponses(400, 401, 404) },
  });

  return createRouter()
    .openapi(mint, async (c) => {
      const body = c.req.valid('json');
      await limits.enforce('session_mint', body.account_id);
      const minted = await mintWidgetSession(store, clock, {
        accountId: body.account_id,
        permissions: body.permissions,
        ttlSeconds: body.ttl_seconds,
      });
      return c.json(widgetSessionJson(minted), 201);
    })
    .openapi(revoke, async (c) => {
      const session = await revokeWidgetSession(store, clock, c.req.valid('param').id);
      liveEvents.publish(session.accountId, { type: 'session_revoked', data: { session_id: session.id } });
      return c.json(revokedJson(session), 200);
    })
    .openapi(revokeAll, async (c) => {
      const accountId = c.req.valid('param').id;
      const revoked = await revokeAccountWidgetSessions(store, clock, accountId);
      liveEvents.publish(accountId, { type: 'session_revoked', data: { session_id: null } });
      return c.json({ revoked }, 200);
    });
}

function revokedJson(session: WidgetSession & { revokedAt: Date }): z.infer<typeof RevokedWidgetSessionSchema> {
  return {
    id: session.id,
    account_id: session.accountId,
    permissions: [...session.permissions],
    expires_at: session.expiresAt.toISOString(),
    revoked_at: session.revokedAt.toISOString(),
  };
}
