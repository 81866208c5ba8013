import { createRoute } from '@hono/zod-openapi';
import type { Account } from '../domain/accounts.js';
import { requireAccount } from '../domain/accounts.js';
import { accountRunway, RUNWAY_BASIS_DAYS } from '../domain/runway.js';
import type { WidgetEnv } from '../middleware/widget-session.js';
import { BalanceSchema, balanceJson } from './representations.js';
import type { RouteDeps } from './router.js';
import { createRouter, widgetSecurity } from './router.js';
import { errorResponses, jsonResponse } from './schemas.js';
import { jsonPerState, jsonText } from './serialized-json.js';

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
  // Kept per account state: the account (the memo's object) and the two figures of its runway.
  const balanceText = jsonPerState((account: Account, runwayDays: number | null, averageDailySpendMicros: bigint) =>
    balanceJson(account, { days: runwayDays, averageDailySpendMicros, basisDays: RUNWAY_BASIS_DAYS }),
  );

  return createRouter<WidgetEnv>().openapi(read, async (c) => {
    const account = await requireAccount(store, c.get('session').accountId);
    const runway = await accountRunway(store, clock, account);
    return jsonText(c, balanceText(account, runway.days, runway.averageDailySpendMicros), 200);
  });
}
