import type { Clock } from '../domain/clock.js';
import demoCard from '../domain/markets/demo-rate-card.json' with { type: 'json' };
import { parseAmount } from '../domain/money.js';
import { replaceDefaultRateCard } from '../domain/pricing/rate-cards.js';
import type { Store } from '../store/store.js';

/**
 * Sets the demo's default rate card (USD, from `demo-rate-card.json`) when no card of its
 * currency exists yet, through the same domain function as `PUT /v1/rate-card`, so a card the
 * partner has set since is never overwritten. Returns whether it seeded.
 */
export async function seedDemoRateCard(store: Store, clock: Clock): Promise<boolean> {
  if ((await store.listDefaultRates(demoCard.currency)).length > 0) return false;
  const rates = demoCard.rates.map((rate) => ({
    market: rate.market,
    category: rate.category,
    price: { micros: parseAmount(rate.price), currency: demoCard.currency },
  }));
  await replaceDefaultRateCard(store, clock, demoCard.currency, rates);
  return true;
}
