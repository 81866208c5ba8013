import { createRoute, z } from '@hono/zod-openapi';
import type { FrequencyCap } from '../domain/frequency-cap.js';
import { checkMarketingSend, DEFAULT_FREQUENCY_CAP, FREQUENCY_CAP_LIMITS, getFrequencyCap, setFrequencyCap } from '../domain/frequency-cap.js';
import type { WidgetEnv } from '../middleware/widget-session.js';
import { requireSessionPermission } from '../middleware/widget-session.js';
import type { RouteDeps } from './router.js';
import { createRouter, partnerSecurity, widgetSecurity } from './router.js';
import { AccountIdParamSchema, errorResponses, jsonBody, jsonResponse, TimestampSchema } from './schemas.js';

const { maxMessages, windowHours } = FREQUENCY_CAP_LIMITS;

const FrequencyCapSchema = z
  .object({
    enabled: z.boolean(),
    max_messages: z.number().int().min(maxMessages.min).max(maxMessages.max),
    window_hours: z.number().int().min(windowHours.min).max(windowHours.max),
  })
  .strict()
  .openapi('FrequencyCap', {
    description:
      `Marketing messages per recipient within a sliding window. Until set: enabled ${DEFAULT_FREQUENCY_CAP.enabled}, ` +
      `max_messages ${DEFAULT_FREQUENCY_CAP.maxMessages}, window_hours ${DEFAULT_FREQUENCY_CAP.windowHours}.`,
  });

const MarketingSendSchema = z
  .object({
    recipient: z.string().min(1).max(32).openapi({ description: 'E.164 digits, with or without "+"', example: '+14155550100' }),
  })
  .strict()
  .openapi('MarketingSend');

const MarketingSendDecisionSchema = z
  .object({
    allowed: z.boolean(),
    remaining: z.number().int().nullable().openapi({ description: 'Sends left in the window; null when the cap is off' }),
    next_allowed_at: TimestampSchema.nullable(),
  })
  .openapi('MarketingSendDecision');

function capJson(cap: FrequencyCap): z.infer<typeof FrequencyCapSchema> {
  return { enabled: cap.enabled, max_messages: cap.maxMessages, window_hours: cap.windowHours };
}

/** Widget API: the session's account marketing frequency cap. */
export function frequencyCapRoutes({ store, clock, auth }: RouteDeps<WidgetEnv>) {
  const read = createRoute({
    method: 'get',
    path: '/v1/frequency-cap',
    tags: ['widget'],
    summary: 'Marketing frequency cap (the default until set)',
    security: widgetSecurity,
    middleware: [auth] as const,
    responses: { 200: jsonResponse(FrequencyCapSchema, 'The cap'), ...errorResponses(401) },
  });
  const write = createRoute({
    method: 'put',
    path: '/v1/frequency-cap',
    tags: ['widget'],
    summary: 'Replace the marketing frequency cap (permission frequency_cap:write)',
    security: widgetSecurity,
    middleware: [auth, requireSessionPermission('frequency_cap:write')] as const,
    request: { body: jsonBody(FrequencyCapSchema) },
    responses: { 200: jsonResponse(FrequencyCapSchema, 'The new cap'), ...errorResponses(400, 401, 403) },
  });

  return createRouter<WidgetEnv>()
    .openapi(read, async (c) => c.json(capJson(await getFrequencyCap(store, c.get('session').accountId)), 200))
    .openapi(write, async (c) => {
      const body = c.req.valid('json');
      const cap = { enabled: body.enabled, maxMessages: body.max_messages, windowHours: body.window_hours };
      return c.json(capJson(await setFrequencyCap(store, clock, c.get('session').accountId, cap)), 200);
    });
}

/** Partner API: ask before sending a marketing message; an allowed send is recorded atomically. */
export function marketingSendRoutes({ store, clock, auth }: RouteDeps) {
  const check = createRoute({
    method: 'post',
    path: '/v1/accounts/{id}/marketing-sends',
    tags: ['accounts'],
    summary: 'Check the frequency cap for a marketing message and record it when allowed',
    security: partnerSecurity,
    middleware: [auth] as const,
    request: { params: AccountIdParamSchema, body: jsonBody(MarketingSendSchema) },
    responses: { 200: jsonResponse(MarketingSendDecisionSchema, 'The decision'), ...errorResponses(400, 401, 404) },
  });

  return createRouter().openapi(check, async (c) => {
    const { id } = c.req.valid('param');
    const { recipient } = c.req.valid('json');
    const decision = await checkMarketingSend(store, clock, id, recipient);
    return c.json(
      {
        allowed: decision.allowed,
        remaining: decision.remaining,
        next_allowed_at: decision.nextAllowedAt?.toISOString() ?? null,
      },
      200,
    );
  });
}
