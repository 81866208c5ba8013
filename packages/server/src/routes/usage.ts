import { createRoute, z } from '@hono/zod-openapi';
import { requireAccount } from '../domain/accounts.js';
import type { LimitSource } from '../domain/usage/limit-source.js';
import { usageLast24h } from '../domain/usage/usage-24h.js';
import type { WidgetEnv } from '../middleware/widget-session.js';
import type { RouteDeps } from './router.js';
import { createRouter, widgetSecurity } from './router.js';
import { errorResponses, jsonResponse, TimestampSchema } from './schemas.js';

const UsageSchema = z
  .object({
    unique_customers: z.number().int(),
    limit: z.number().int().nullable(),
    unlimited: z.boolean(),
    remaining: z.number().int().nullable(),
    window_start: TimestampSchema,
    window_end: TimestampSchema,
    new_customers_last_hour: z.number().int(),
    projected_limit_reached_at: TimestampSchema.nullable(),
    by_number: z.array(
      z.object({ account_id: z.string(), display_phone_number: z.string().nullable(), unique_customers: z.number().int() }),
    ),
  })
  .openapi('Usage24h');

/** Widget API: unique customers reached in the last 24 h against the messaging limit. */
export function usageRoutes({ store, clock, auth, limitForAccount }: RouteDeps<WidgetEnv> & { readonly limitForAccount: LimitSource }) {
  const read = createRoute({
    method: 'get',
    path: '/v1/usage/24h',
    tags: ['widget'],
    summary: 'Unique customers reached by business-initiated messages in the rolling 24 h',
    security: widgetSecurity,
    middleware: [auth] as const,
    responses: { 200: jsonResponse(UsageSchema, 'The usage'), ...errorResponses(401) },
  });

  return createRouter<WidgetEnv>().openapi(read, async (c) => {
    const account = await requireAccount(store, c.get('session').accountId);
    const usage = await usageLast24h(store, clock, account, limitForAccount);
    return c.json(
      {
        unique_customers: usage.uniqueCustomers,
        limit: usage.limit,
        unlimited: usage.unlimited,
        remaining: usage.remaining,
        window_start: usage.windowStart.toISOString(),
        window_end: usage.windowEnd.toISOString(),
        new_customers_last_hour: usage.newCustomersLastHour,
        projected_limit_reached_at: usage.projectedLimitReachedAt?.toISOString() ?? null,
        by_number: usage.byNumber.map(({ account: each, uniqueCustomers }) => ({
          account_id: each.id,
          display_phone_number: each.displayPhoneNumber,
          unique_customers: uniqueCustomers,
        })),
      },
      200,
    );
  });
}
