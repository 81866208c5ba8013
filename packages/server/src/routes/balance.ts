import { createRoute } from '@hono/zod-openapi';
import type { Account } from '../domain/accounts.js';
import { requireAccount } from '../domain/accounts.js';
import { accountRunway, type Runway } from '../domain/runway.js';
import type { WidgetEnv } from '../middleware/widget-session.js';
import { BalanceSchema, balanceJson, type BalanceJson } from './representations.js';
import type { RouteDeps } from './router.js';
import { createRouter, widgetSecurity } from './router.js';
import { errorResponses, jsonResponse } from './schemas.js';
import { jsonText, serializeJson, type SerializedJson } from './serialized-json.js';

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
  const bodies = serializedBalances();

  return createRouter<WidgetEnv>().openapi(read, async (c) => {
    const account = await requireAccount(store, c.get('session').accountId);
    const runway = await accountRunway(store, clock, account);
    return jsonText(c, bodies.of(account, runway), 200);
  });
}

/**
 * The balance payload, serialized once per account state: the store hands out the same `Account`
 * object until the account changes (the read memo), so its JSON is kept beside it, with the runway
 * it was made with, and made again when either moves. Building and serializing the payload was a
 * tenth of a widget balance read.
 */
function serializedBalances() {
  const byAccount = new WeakMap<Account, { readonly runway: Runway; readonly json: SerializedJson<BalanceJson> }>();
  return {
    of(account: Account, runway: Runway): SerializedJson<BalanceJson> {
      const kept = byAccount.get(account);
      if (kept && sameRunway(kept.runway, runway)) return kept.json;
      const json = serializeJson(balanceJson(account, runway));
      byAccount.set(account, { runway, json });
      return json;
    },
  };
}

function sameRunway(a: Runway, b: Runway): boolean {
  return a.days === b.days && a.averageDailySpendMicros === b.averageDailySpendMicros && a.basisDays === b.basisDays;
}
