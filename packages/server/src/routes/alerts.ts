import { createRoute, z } from '@hono/zod-openapi';
import { setLowBalanceThreshold } from '../domain/accounts.js';
import type { WidgetEnv } from '../middleware/widget-session.js';
import { requireSessionPermission } from '../middleware/widget-session.js';
import { balancePayload } from './balance-payload.js';
import { BalanceSchema } from './representations.js';
import type { RouteDeps } from './router.js';
import { createRouter, widgetSecurity } from './router.js';
import { errorResponses, jsonBody, jsonResponse, MoneySchema, moneyFromJson } from './schemas.js';

const LowBalanceAlertSchema = z
  .object({ threshold: MoneySchema.nullable().openapi({ description: 'null turns the alert off' }) })
  .strict()
  .openapi('LowBalanceAlert');

/** Widget API: alert settings of the session's account. */
export function alertRoutes({ store, clock, auth }: RouteDeps<WidgetEnv>) {
  const setLowBalance = createRoute({
    method: 'put',
    path: '/v1/alerts/low-balance',
    tags: ['widget'],
    summary: 'Set or clear the low-balance threshold (permission alerts:write)',
    security: widgetSecurity,
    middleware: [auth, requireSessionPermission('alerts:write')] as const,
    request: { body: jsonBody(LowBalanceAlertSchema) },
    responses: { 200: jsonResponse(BalanceSchema, 'The balance with its new threshold'), ...errorResponses(400, 401, 403) },
  });

  return createRouter<WidgetEnv>().openapi(setLowBalance, async (c) => {
    const { threshold } = c.req.valid('json');
    const account = await setLowBalanceThreshold(
      store,
      clock,
      c.get('session').accountId,
      threshold ? moneyFromJson(threshold) : null,
    );
    return c.json(await balancePayload(store, clock, account), 200);
  });
}
