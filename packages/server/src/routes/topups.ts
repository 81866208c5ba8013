import { createRoute, z } from '@hono/zod-openapi';
import { requireAccount } from '../domain/accounts.js';
import { amountRules } from '../domain/payments/amount-rules.js';
import type { PaymentsDeps } from '../domain/payments/payments-service.js';
import { abandonTopup, createTopup, getTopup } from '../domain/payments/topups.js';
import type { WidgetEnv } from '../middleware/widget-session.js';
import { requireSessionPermission } from '../middleware/widget-session.js';
import { publicBaseUrl, TopupOptionsSchema, TopupSchema, topupJson, topupOptionsJson } from './payment-representations.js';
import type { RateLimiter } from '../middleware/rate-limit.js';
import type { RouteDeps } from './router.js';
import { createRouter, widgetSecurity } from './router.js';
import { errorResponses, jsonBody, jsonResponse, MoneySchema, moneyFromJson } from './schemas.js';

const NewTopupSchema = z.object({ amount: MoneySchema }).strict().openapi('NewTopup');
const TopupIdParamSchema = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, example: 'tu_5vQbH2m9qfZC0hMvW1nU7w' }),
});

/** What the top-up routes need besides the widget auth. */
export type TopupRouteDeps = RouteDeps<WidgetEnv> & {
  readonly payments: PaymentsDeps;
  readonly publicUrl: string | undefined;
  readonly limits: RateLimiter;
};

/** Widget API: top-up amount rules, opening a top-up (permission `topup`), reading one and abandoning one. */
export function topupRoutes({ store, clock, auth, payments, publicUrl, limits }: TopupRouteDeps) {
  const options = createRoute({
    method: 'get',
    path: '/v1/topup-options',
    tags: ['widget'],
    summary: "Top-up amount rules in the account's currency, with the payment provider's step",
    security: widgetSecurity,
    middleware: [auth] as const,
    responses: { 200: jsonResponse(TopupOptionsSchema, 'Minimum, maximum, step and suggested amounts'), ...errorResponses(401) },
  });
  const create = createRoute({
    method: 'post',
    path: '/v1/topups',
    tags: ['widget'],
    summary: 'Open a top-up checkout (permission topup); the balance is credited when the provider confirms payment',
    security: widgetSecurity,
    middleware: [auth, requireSessionPermission('topup'), limits.middleware<WidgetEnv>('topup_create', (c) => c.get('session').accountId)] as const,
    request: { body: jsonBody(NewTopupSchema) },
    responses: { 201: jsonResponse(TopupSchema, 'The pending top-up'), ...errorResponses(400, 401, 403, 429) },
  });
  const read = createRoute({
    method: 'get',
    path: '/v1/topups/{id}',
    tags: ['widget'],
    summary: 'A top-up of the session’s account',
    security: widgetSecurity,
    middleware: [auth] as const,
    request: { params: TopupIdParamSchema },
    responses: { 200: jsonResponse(TopupSchema, 'The top-up'), ...errorResponses(401, 404) },
  });

  const abandon = createRoute({
    method: 'delete',
    path: '/v1/topups/{id}',
    tags: ['widget'],
    summary: 'Abandon a pending top-up (permission topup): its checkout is closed with the provider and it becomes expired',
    security: widgetSecurity,
    middleware: [auth, requireSessionPermission('topup')] as const,
    request: { params: TopupIdParamSchema },
    responses: { 200: jsonResponse(TopupSchema, 'The top-up as it now is'), ...errorResponses(401, 403, 404) },
  });

  return createRouter<WidgetEnv>()
    .openapi(options, async (c) => {
      const account = await requireAccount(store, c.get('session').accountId);
      return c.json(topupOptionsJson(amountRules(account.currency, payments.provider.currencies)), 200);
    })
    .openapi(create, async (c) => {
      const { amount } = c.req.valid('json');
      const baseUrl = publicBaseUrl(c.req.url, publicUrl);
      const topup = await createTopup(payments, c.get('session').accountId, moneyFromJson(amount), baseUrl);
      return c.json(topupJson(topup, clock.now()), 201);
    })
    .openapi(read, async (c) => {
      const topup = await getTopup({ store, clock }, c.get('session').accountId, c.req.valid('param').id);
      return c.json(topupJson(topup, clock.now()), 200);
    })
    .openapi(abandon, async (c) => {
      const topup = await abandonTopup(payments, c.get('session').accountId, c.req.valid('param').id);
      return c.json(topupJson(topup, clock.now()), 200);
    });
}
