import { createRoute, z } from '@hono/zod-openapi';
import { requireAccount, type Account } from '../domain/accounts.js';
import type { QualityHistoryEntry } from '../domain/quality/phone-status.js';
import type { PhoneStatusService, PhoneStatusView } from '../domain/quality/phone-status-service.js';
import type { WidgetEnv } from '../middleware/widget-session.js';
import { QualitySchema, QuotaSchema, qualityJson, quotaJson } from './quality-representations.js';
import type { RouteDeps } from './router.js';
import { createRouter, widgetSecurity } from './router.js';
import { errorResponses, jsonResponse } from './schemas.js';
import { jsonPerState, jsonText } from './serialized-json.js';

/** Timeline lines returned by `GET /v1/quality`. */
export const QUALITY_HISTORY_LIMIT = 50;

const RefreshQuerySchema = z.object({
  refresh: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .openapi({ param: { name: 'refresh', in: 'query' }, description: 'Ask Meta now (at most once per 30 s per account)' }),
});

/** Widget API: the number's quality rating and timeline, and the portfolio's messaging limit. */
export function qualityRoutes({ store, auth, phoneStatus }: RouteDeps<WidgetEnv> & { phoneStatus: PhoneStatusService }) {
  const quality = createRoute({
    method: 'get',
    path: '/v1/quality',
    tags: ['widget'],
    summary: 'Quality rating of the WhatsApp number and its timeline',
    security: widgetSecurity,
    middleware: [auth] as const,
    request: { query: RefreshQuerySchema },
    responses: { 200: jsonResponse(QualitySchema, 'The quality rating'), ...errorResponses(400, 401) },
  });
  const quota = createRoute({
    method: 'get',
    path: '/v1/quota',
    tags: ['widget'],
    summary: "The business portfolio's messaging limit",
    security: widgetSecurity,
    middleware: [auth] as const,
    request: { query: RefreshQuerySchema },
    responses: { 200: jsonResponse(QuotaSchema, 'The messaging limit'), ...errorResponses(400, 401) },
  });

  // Kept per account state (see jsonPerState): the account, the phone status view and the timeline.
  const qualityText = jsonPerState((_account: Account, view: PhoneStatusView, history: readonly QualityHistoryEntry[]) => qualityJson(view, history));
  const quotaText = jsonPerState(quotaJson);

  return createRouter<WidgetEnv>()
    .openapi(quality, async (c) => {
      const account = await requireAccount(store, c.get('session').accountId);
      const refresh = isOn(c.req.valid('query').refresh);
      const view = await phoneStatus.read(account, { refresh, purpose: 'quality' });
      const history = await store.phoneStatus.listQualityHistory(account.id, QUALITY_HISTORY_LIMIT);
      return jsonText(c, qualityText(account, view, history), 200);
    })
    .openapi(quota, async (c) => {
      const account = await requireAccount(store, c.get('session').accountId);
      const refresh = isOn(c.req.valid('query').refresh);
      const view = await phoneStatus.read(account, { refresh, purpose: 'quota' });
      return jsonText(c, quotaText(account, view), 200);
    });
}

function isOn(flag: string | undefined): boolean {
  return flag === '1' || flag === 'true';
}
