import phoneMetadata from 'libphonenumber-js/min/metadata';
import { parseInternationalNumber } from './phone-numbers.js';
import table from './pricing-markets.json' with { type: 'json' };

/** One of Meta's pricing markets: a single country (`IN`) or a region (`REST_OF_AFRICA`). */
export interface PricingMarket {
  readonly code: string;
  readonly name: string;
  readonly countries: readonly string[];
}

/** Where a recipient's messages are priced, and the country that decided it when known. */
export interface RecipientMarket {
  readonly market: string;
  /** ISO 3166 alpha-2 of the number, or null when it could not be placed. */
  readonly country: string | null;
}

/** The market of every number that no other market claims. */
export const OTHER_MARKET = 'OTHER';

/** Meta's markets, in the order of its rate card. */
export const PRICING_MARKETS: readonly PricingMarket[] = table.markets;

const byCode = new Map(PRICING_MARKETS.map((market) => [market.code, market]));
const marketOfCountry = new Map(PRICING_MARKETS.flatMap((market) => market.countries.map((country) => [country, market.code] as const)));
const callingCodes = phoneMetadata.country_calling_codes as Record<string, readonly string[]>;

/** Whether `code` names one of Meta's pricing markets. */
export function isMarketCode(code: string): boolean {
  return byCode.has(code);
}

/** The display name of a market ("India", "Rest of Africa"); the code itself when unknown. */
export function marketName(code: string): string {
  return byCode.get(code)?.name ?? code;
}

/**
 * The pricing market of a WhatsApp user number given as Meta sends it (digits, no `+`).
 * Meta prices by country calling code and splits +1 by area code, so the number is resolved to a
 * country first (libphonenumber's default metadata places NANP area codes: 876 → JM, 787 → PR).
 * A territory that no market lists but that shares its calling code with a listed country (GG, JE
 * and IM on +44, AX on +358) is priced as that country, since Meta's table is by calling code;
 * +1 is the exception, where Meta names the islands that are "Other". Unplaceable numbers → OTHER.
 */
export function marketOfRecipient(recipientId: string): RecipientMarket {
  const digits = recipientId.replace(/^\+/, '');
  if (!/^\d{4,20}$/.test(digits)) return { market: OTHER_MARKET, country: null };
  const parsed = parseInternationalNumber(digits);
  if (!parsed) return { market: OTHER_MARKET, country: null };
  const mainCountry = parsed.callingCode === '1' ? undefined : callingCodes[parsed.callingCode]?.[0];
  const country = parsed.country ?? mainCountry;
  if (!country) return { market: OTHER_MARKET, country: null };
  const market = marketOfCountry.get(country) ?? (mainCountry ? marketOfCountry.get(mainCountry) : undefined);
  return { market: market ?? OTHER_MARKET, country };
}
