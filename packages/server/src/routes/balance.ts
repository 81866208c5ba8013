import { createRoute } from '@hono/zod-openapi';
import { requireAccount } from '../domain/accounts.js';
import type { WidgetEnv } from '../middleware/widget-session.js';
import { balancePayloadText } from './balance-payload.js';
import { BalanceSchema } from './representations.js';
import type { RouteDeps } from './router.js';
import { createRouter, widgetSecurity } from './router.js';
import { errorResponses, jsonResponse } from './schemas.js';
import { jsonText } from './serialized-json.js';

/** Widget API: the session's account balance. */
export function balanceRoutes({ store, clock, auth }: RouteDeps<WidgetEnv>) {
  const read = createRoute({
    method: 'get',
    path: '/v1/balance',
    tags: ['widget'],
    summary: 'Balance and low-balance state',
    security: widgetSecurity,
    middleware: [auth] as const,
    responses: { 200: jsonResponse(BalanceSchema, 'The balance'), ...errorResponses(401) },
  });
  return createRouter<WidgetEnv>().openapi(read, async (c) => {
    const account = await requireAccount(store, c.get('session').accountId);
    return jsonText(c, await balancePayloadText(store, clock, account), 200);
  });
}
