import { createRoute, z } from '@hono/zod-openapi';
import { requireAccount } from '../domain/accounts.js';
import { formatMarkupPercent } from '../domain/pricing/markup.js';
import type { AccountPricing } from '../domain/pricing/rate-card.js';
import type { AccountPricingInput } from '../domain/pricing/rate-cards.js';
import { accountPricing, setAccountPricing } from '../domain/pricing/rate-cards.js';
import { MAX_RATES, RateInputSchema, RateSchema, rateInputs, ratesJson } from './rate-schemas.js';
import type { RouteDeps } from './router.js';
import { createRouter, partnerSecurity } from './router.js';
import { AccountIdParamSchema, errorResponses, jsonBody, jsonResponse } from './schemas.js';

const PutPricingSchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('default') }).strict(),
    z
      .object({
        mode: z.literal('markup'),
        markup_percent: z.string().openapi({ example: '15', description: 'Decimal string, 0 to 1000, up to 4 fraction digits' }),
      })
      .strict(),
    z.object({ mode: z.literal('custom'), rates: z.array(RateInputSchema).max(MAX_RATES) }).strict(),
  ])
  .openapi('PutAccountPricing');

const PricingSchema = z
  .object({
    mode: z.enum(['default', 'markup', 'custom']),
    markup_percent: z.string().nullable(),
    rates: z.array(RateSchema).optional().openapi({ description: 'The custom card (custom mode only)' }),
  })
  .openapi('AccountPricing');

/** Partner API: how one account is priced (default card, a markup on it, or its own card). */
export function accountPricingRoutes({ store, clock, auth }: RouteDeps) {
  const put = createRoute({
    method: 'put',
    path: '/v1/accounts/{id}/pricing',
    tags: ['accounts', 'rates'],
    summary: "Set an account's pricing",
    security: partnerSecurity,
    middleware: [auth] as const,
    request: { params: AccountIdParamSchema, body: jsonBody(PutPricingSchema) },
    responses: { 200: jsonResponse(PricingSchema, 'The pricing as stored'), ...errorResponses(400, 401, 404) },
  });
  const get = createRoute({
    method: 'get',
    path: '/v1/accounts/{id}/pricing',
    tags: ['accounts', 'rates'],
    summary: "An account's pricing",
    security: partnerSecurity,
    middleware: [auth] as const,
    request: { params: AccountIdParamSchema },
    responses: { 200: jsonResponse(PricingSchema, 'The pricing'), ...errorResponses(401, 404) },
  });

  return createRouter()
    .openapi(put, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const input: AccountPricingInput =
        body.mode === 'default'
          ? { mode: 'default' }
          : body.mode === 'markup'
            ? { mode: 'markup', markupPercent: body.markup_percent }
            : { mode: 'custom', rates: rateInputs(body.rates) };
      const pricing = await setAccountPricing(store, clock, id, input);
      const { currency } = await requireAccount(store, id);
      return c.json(pricingJson(pricing, currency), 200);
    })
    .openapi(get, async (c) => {
      const { id } = c.req.valid('param');
      const pricing = await accountPricing(store, id);
      const { currency } = await requireAccount(store, id);
      return c.json(pricingJson(pricing, currency), 200);
    });
}

function pricingJson(pricing: AccountPricing, currency: string): z.infer<typeof PricingSchema> {
  if (pricing.mode === 'custom') return { mode: 'custom', markup_percent: null, rates: ratesJson(pricing.rates, currency) };
  if (pricing.mode === 'markup') return { mode: 'markup', markup_percent: formatMarkupPercent(pricing.markupE4) };
  return { mode: 'default', markup_percent: null };
}
