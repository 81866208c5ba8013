import type { Account } from '../accounts.js';
import { requireAccount } from '../accounts.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors.js';
import { isMarketCode } from '../markets/markets.js';
import type { Money } from '../money.js';
import { isCurrencyCode } from '../money.js';
import type { Store } from '../../store/store.js';
import { isRateCategory, normalizeCategory, RATE_CATEGORIES } from './categories.js';
import { applyMarkup, parseMarkupPercent } from './markup.js';
import type { AccountPricing, EffectiveRates, Rate } from './rate-card.js';

/** A rate as a caller supplies it. */
export interface RateInput {
  readonly market: string;
  readonly category: string;
  readonly price: Money;
}

/** What `PUT /v1/accounts/:id/pricing` asks for. */
export type AccountPricingInput =
  | { readonly mode: 'default' }
  | { readonly mode: 'markup'; readonly markupPercent: string }
  | { readonly mode: 'custom'; readonly rates: readonly RateInput[] };

/**
 * Replaces the default rate card of `currency` in one transaction.
 * @throws DomainError `invalid` (unknown currency, market or category, negative price, other
 * currency, duplicate market and category)
 */
export async function replaceDefaultRateCard(
  store: Store,
  clock: Clock,
  currency: string,
  rates: readonly RateInput[],
): Promise<Rate[]> {
  if (!isCurrencyCode(currency)) {
    throw new DomainError('invalid', 'invalid_currency', `currency: ${currency} is not an ISO 4217 code`);
  }
  const validated = validateRates(currency, rates);
  await store.replaceRateCard(currency, validated, clock.now());
  return validated;
}

/** The default rate card of `currency` (empty when none was set). */
export async function defaultRateCard(store: Store, currency: string): Promise<Rate[]> {
  return store.listDefaultRates(currency);
}

/**
 * Sets how an account is priced; a custom card replaces the previous one in one transaction.
 * @throws DomainError `invalid`, `not_found`
 */
export async function setAccountPricing(
  store: Store,
  clock: Clock,
  accountId: string,
  input: AccountPricingInput,
): Promise<AccountPricing> {
  const account = await requireAccount(store, accountId);
  const pricing: AccountPricing =
    input.mode === 'default'
      ? { mode: 'default' }
      : input.mode === 'markup'
        ? { mode: 'markup', markupE4: parseMarkupPercent(input.markupPercent) }
        : { mode: 'custom', rates: validateRates(account.currency, input.rates) };
  await store.setAccountPricing(account.id, pricing, clock.now());
  return pricing;
}

/** How an account is priced. @throws DomainError `not_found` */
export async function accountPricing(store: Store, accountId: string): Promise<AccountPricing> {
  const account = await requireAccount(store, accountId);
  return store.getAccountPricing(account.id);
}

/**
 * The rates that apply to `account` now, optionally for one market only: its custom card, or the
 * default card of its currency with its markup. A custom card stands alone: what it lacks is
 * unpriced, never silently taken from the default card.
 */
export async function effectiveRates(store: Store, account: Account, market?: string): Promise<EffectiveRates> {
  const pricing = await store.getAccountPricing(account.id, market);
  if (pricing.mode === 'custom') {
    return { currency: account.currency, pricing: 'custom', markupE4: null, rates: pricing.rates };
  }
  const defaults = await store.listDefaultRates(account.currency, market);
  if (pricing.mode === 'default') return { currency: account.currency, pricing: 'default', markupE4: null, rates: defaults };
  const { markupE4 } = pricing;
  return {
    currency: account.currency,
    pricing: 'markup',
    markupE4,
    rates: defaults.map((rate) => ({ ...rate, priceMicros: applyMarkup(rate.priceMicros, markupE4) })),
  };
}

function validateRates(currency: string, rates: readonly RateInput[]): Rate[] {
  const seen = new Set<string>();
  return rates.map((rate, index) => {
    const field = `rates.${index}`;
    if (!isMarketCode(rate.market)) {
      throw new DomainError('invalid', 'unknown_market', `${field}.market: ${rate.market} is not one of Meta's pricing markets`);
    }
    const category = normalizeCategory(rate.category);
    if (!isRateCategory(category)) {
      throw new DomainError(
        'invalid',
        'unknown_category',
        `${field}.category: must be one of ${RATE_CATEGORIES.join(', ')}`,
      );
    }
    if (rate.price.currency !== currency) {
      throw new DomainError('invalid', 'currency_mismatch', `${field}.price: currency ${rate.price.currency} differs from the card's ${currency}`);
    }
    if (rate.price.micros < 0n) throw new DomainError('invalid', 'invalid_price', `${field}.price: must not be negative`);
    const key = `${rate.market}/${category}`;
    if (seen.has(key)) {
      throw new DomainError('invalid', 'duplicate_rate', `${field}: ${rate.market} ${category} appears more than once`);
    }
    seen.add(key);
    return { market: rate.market, category, priceMicros: rate.price.micros };
  });
}
