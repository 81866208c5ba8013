import { createRoute } from '@hono/zod-openapi';
import { requireAccount } from '../domain/accounts.js';
import type { PhoneStatusService } from '../domain/quality/phone-status-service.js';
import type { WidgetEnv } from '../middleware/widget-session.js';
import { WidgetAccountSchema, widgetAccountJson } from './representations.js';
import type { RouteDeps } from './router.js';
import { createRouter, widgetSecurity } from './router.js';
import { errorResponses, jsonResponse } from './schemas.js';
import { jsonPerState, jsonText } from './serialized-json.js';

/** Widget API: the session's account and its WhatsApp number. */
export function widgetAccountRoutes({ store, auth, phoneStatus }: RouteDeps<WidgetEnv> & { phoneStatus: PhoneStatusService }) {
  const read = createRoute({
    method: 'get',
    path: '/v1/account',
    tags: ['widget'],
    summary: "The session's account",
    security: widgetSecurity,
    middleware: [auth] as const,
    responses: { 200: jsonResponse(WidgetAccountSchema, 'The account'), ...errorResponses(401) },
  });

  // Kept per account state (see jsonPerState): the account and its number's view.
  const accountText = jsonPerState(widgetAccountJson);

  return createRouter<WidgetEnv>().openapi(read, async (c) => {
    const account = await requireAccount(store, c.get('session').accountId);
    const phone = await phoneStatus.read(account, { purpose: 'phone' });
    return jsonText(c, accountText(account, phone), 200);
  });
}
