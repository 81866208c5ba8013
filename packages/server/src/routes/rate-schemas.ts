import { z } from '@hono/zod-openapi';
import { marketName } from '../domain/markets/markets.js';
import { RATE_CATEGORIES } from '../domain/pricing/categories.js';
import type { Rate } from '../domain/pricing/rate-card.js';
import type { RateInput } from '../domain/pricing/rate-cards.js';
import { MoneySchema, moneyFromJson, moneyJson } from './schemas.js';

/** A rate as sent: market code, Meta category, price. Market and category are checked by the domain. */
export const RateInputSchema = z
  .object({
    market: z.string().min(1).max(64).openapi({ example: 'IN' }),
    category: z.string().min(1).max(64).openapi({ example: 'marketing', description: RATE_CATEGORIES.join(' | ') }),
    price: MoneySchema,
  })
  .strict()
  .openapi('RateInput');

/** A rate as returned, with the market's display name. */
export const RateSchema = z
  .object({ market: z.string(), market_name: z.string(), category: z.string(), price: MoneySchema })
  .openapi('Rate');

/** The most rates one card may hold (47 markets × 6 categories fit many times over). */
export const MAX_RATES = 2000;

/** Reads validated rate JSON. */
export function rateInputs(rates: readonly z.infer<typeof RateInputSchema>[]): RateInput[] {
  return rates.map((rate) => ({ market: rate.market, category: rate.category, price: moneyFromJson(rate.price) }));
}

/** Serializes rates of a card in `currency`. */
export function ratesJson(rates: readonly Rate[], currency: string): z.infer<typeof RateSchema>[] {
  return rates.map((rate) => ({
    market: rate.market,
    market_name: marketName(rate.market),
    category: rate.category,
    price: moneyJson(rate.priceMicros, currency),
  }));
}
