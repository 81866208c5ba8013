import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { requireAccount } from '../domain/accounts.js';
import type { Clock } from '../domain/clock.js';
import { DomainError } from '../domain/errors.js';
import { isMarketCode } from '../domain/markets/markets.js';
import { formatMarkupPercent } from '../domain/pricing/markup.js';
import { defaultRateCard, effectiveRates, replaceDefaultRateCard } from '../domain/pricing/rate-cards.js';
import type { WidgetEnv } from '../middleware/widget-session.js';
import type { Store } from '../store/store.js';
import { MAX_RATES, RateInputSchema, RateSchema, rateInputs, ratesJson } from './rate-schemas.js';
import { createRouter, partnerSecurity, widgetSecurity } from './router.js';
import { CurrencySchema, errorResponses, jsonBody, jsonResponse } from './schemas.js';

/** Hono environment of the rate-card routes: a widget caller has `session`, a partner none. */
interface RateCardEnv {
  Variables: Partial<WidgetEnv['Variables']>;
}

/** What the rate-card routes need: both auths, since partner and widget share `GET /v1/rate-card`. */
export interface RateCardRouteDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly partnerAuth: MiddlewareHandler;
  readonly widgetAuth: MiddlewareHandler<WidgetEnv>;
}

const PutRateCardSchema = z
  .object({ currency: CurrencySchema, rates: z.array(RateInputSchema).max(MAX_RATES) })
  .strict()
  .openapi('PutRateCard');

const PartnerRateCardSchema = z.object({ currency: z.string(), rates: z.array(RateSchema) }).openapi('RateCard');

const WidgetRateCardSchema = z
  .object({
    currency: z.string(),
    pricing: z.enum(['default', 'markup', 'custom']),
    markup_percent: z.string().nullable(),
    rates: z.array(RateSchema),
  })
  .openapi('AccountRateCard');

const RateCardQuerySchema = z.object({
  currency: CurrencySchema.optional().openapi({ description: 'Partner only: the card of this currency (USD by default)' }),
  market: z.string().min(1).max(64).optional().openapi({ description: 'Only the rates of this market', example: 'IN' }),
});

/**
 * `PUT /v1/rate-card` (partner) replaces the default card of a currency. `GET /v1/rate-card` is
 * the partner's default card with the secret key, or, with a widget session (`ws_…`), the rates
 * that apply to the session's account.
 */
export function rateCardRoutes({ store, clock, partnerAuth, widgetAuth }: RateCardRouteDeps) {
  // Client secrets start with ws_; anything else is taken for the partner key.
  const partnerOrWidget: MiddlewareHandler<RateCardEnv> = async function partnerOrWidgetAuth(c, next) {
    const isWidget = /^Bearer[ ]+ws_/i.test(c.req.header('Authorization') ?? '');
    return isWidget ? (widgetAuth as unknown as MiddlewareHandler<RateCardEnv>)(c, next) : partnerAuth(c, next);
  };

  const put = createRoute({
    method: 'put',
    path: '/v1/rate-card',
    tags: ['rates'],
    summary: 'Replace the default rate card of a currency',
    security: partnerSecurity,
    middleware: [partnerAuth] as const,
    request: { body: jsonBody(PutRateCardSchema) },
    responses: { 200: jsonResponse(PartnerRateCardSchema, 'The card as stored'), ...errorResponses(400, 401) },
  });
  const get = createRoute({
    method: 'get',
    path: '/v1/rate-card',
    tags: ['rates', 'widget'],
    summary: "The partner's default card, or the rates that apply to the widget session's account",
    security: [...partnerSecurity, ...widgetSecurity],
    middleware: [partnerOrWidget] as const,
    request: { query: RateCardQuerySchema },
    responses: {
      200: jsonResponse(z.union([WidgetRateCardSchema, PartnerRateCardSchema]), 'The rates'),
      ...errorResponses(400, 401),
    },
  });

  return createRouter<RateCardEnv>()
    .openapi(put, async (c) => {
      const body = c.req.valid('json');
      const rates = await replaceDefaultRateCard(store, clock, body.currency, rateInputs(body.rates));
      return c.json({ currency: body.currency, rates: ratesJson(rates, body.currency) }, 200);
    })
    .openapi(get, async (c) => {
      const { currency, market } = c.req.valid('query');
      if (market !== undefined && !isMarketCode(market)) {
        throw new DomainError('invalid', 'unknown_market', `market: ${market} is not one of Meta's pricing markets`);
      }
      const session = c.get('session');
      if (!session) {
        const cardCurrency = currency ?? 'USD';
        const rates = await defaultRateCard(store, cardCurrency);
        const shown = market === undefined ? rates : rates.filter((rate) => rate.market === market);
        return c.json({ currency: cardCurrency, rates: ratesJson(shown, cardCurrency) }, 200);
      }
      const account = await requireAccount(store, session.accountId);
      const effective = await effectiveRates(store, account, market);
      return c.json(
        {
          currency: effective.currency,
          pricing: effective.pricing,
          markup_percent: effective.markupE4 === null ? null : formatMarkupPercent(effective.markupE4),
          rates: ratesJson(effective.rates, effective.currency),
        },
        200,
      );
    });
}
