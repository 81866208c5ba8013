import { multiplyMoney, parseWholeNumber, toMicros, fromMicros } from '../shared/formatting/micros.js';
import type { Money, PricingCategory, Rate } from '../shared/api/types.js';

/** The column order of Meta's categories; categories new to us follow, alphabetically. */
const CATEGORY_ORDER = ['marketing', 'marketing_lite', 'utility', 'authentication', 'authentication_international', 'service'];

/** One market of the card with its prices by category. */
export interface MarketPrices {
  code: string;
  /** The name to show, in the reader's language where known. */
  name: string;
  /** The server's (English) name, also matched by the search. */
  serverName: string;
  prices: Map<PricingCategory, Money>;
}

/**
 * Groups the card's rates by market, named in `locale` (countries through `Intl.DisplayNames`, regions through
 * `regionName`), sorted by name with the locale's collation.
 */
export function groupByMarket(rates: Rate[], locale: string, regionName: (code: string, fallback: string) => string): MarketPrices[] {
  const countries = safeDisplayNames(locale);
  const markets = new Map<string, MarketPrices>();
  for (const rate of rates) {
    let market = markets.get(rate.market);
    if (!market) {
      const country = /^[A-Z]{2}$/.test(rate.market) ? countries?.of(rate.market) : undefined;
      const name = country && country !== rate.market ? country : regionName(rate.market, rate.market_name);
      market = { code: rate.market, name, serverName: rate.market_name, prices: new Map() };
      markets.set(rate.market, market);
    }
    market.prices.set(rate.category, rate.price);
  }
  const collator = new Intl.Collator(locale);
  return [...markets.values()].sort((a, b) => collator.compare(a.name, b.name));
}

/** The categories present in the card, in Meta's order. */
export function categoriesOf(rates: Rate[]): PricingCategory[] {
  const present = new Set(rates.map(rate => rate.category));
  const known = CATEGORY_ORDER.filter(category => present.has(category));
  const others = [...present].filter(category => !CATEGORY_ORDER.includes(category)).sort();
  return [...known, ...others];
}

/** Markets whose name, English name or code contains `query`, ignoring case and accents. */
export function searchMarkets(markets: MarketPrices[], query: string): MarketPrices[] {
  const wanted = fold(query.trim());
  if (!wanted) return markets;
  return markets.filter(market => [market.name, market.serverName, market.code].some(text => fold(text).includes(wanted)));
}

/** One line of the campaign estimator as the person typed it. */
export interface EstimateLine {
  id: number;
  market: string;
  category: PricingCategory;
  audience: string;
}

/** A line priced: its cost, or why it has none. */
export type PricedLine = { cost: Money } | { problem: 'invalid-audience' | 'no-price' } | { empty: true };

/** Prices every line and adds them up, exactly in micro-units; audiences are read as typed in `locale`. */
export function estimate(
  lines: EstimateLine[],
  markets: MarketPrices[],
  currency: string,
  locale: string,
): { lines: PricedLine[]; total: Money } {
  const byCode = new Map(markets.map(market => [market.code, market]));
  let total = 0n;
  const priced = lines.map((line): PricedLine => {
    if (!line.audience.trim()) return { empty: true };
    const audience = parseWholeNumber(line.audience, locale);
    if (audience === undefined) return { problem: 'invalid-audience' };
    const price = byCode.get(line.market)?.prices.get(line.category);
    if (!price) return { problem: 'no-price' };
    const cost = multiplyMoney(price, audience);
    total += toMicros(cost.amount);
    return { cost };
  });
  return { lines: priced, total: { amount: fromMicros(total), currency } };
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function safeDisplayNames(locale: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames(locale, { type: 'region' });
  } catch {
    return undefined;
  }
}
