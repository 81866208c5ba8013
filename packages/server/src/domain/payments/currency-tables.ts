/** How a payment provider counts one currency. */
export interface MinorUnit {
  /** Digits of the provider's minor unit: an amount is sent as `amount × 10^exponent` (USD 2, JPY 0, KWD 3). */
  readonly exponent: number;
  /** The smallest step of an amount the provider accepts, in micro-units (a whole multiple of the minor unit). */
  readonly stepMicros: bigint;
}

/**
 * A payment provider's currency table: static data, never `Intl`, whose minor units follow the ICU
 * version of the machine (Node 20 reports IDR and HUF with 0 digits, ISO 4217 and Stripe with 2).
 */
export interface CurrencyTable {
  readonly name: string;
  minorUnit(currency: string): MinorUnit;
}

const unitOf = (exponent: number, stepMinor = 1n): MinorUnit => ({
  exponent,
  stepMicros: 10n ** BigInt(6 - exponent) * stepMinor,
});

const ISO_ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const ISO_THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);
const ISO_FOUR_DECIMAL = new Set(['CLF', 'UYW']);

/** ISO 4217 minor units (the sandbox's table): 2 digits unless listed otherwise. */
export const ISO_4217_TABLE: CurrencyTable = {
  name: 'ISO 4217',
  minorUnit(currency) {
    if (ISO_ZERO_DECIMAL.has(currency)) return unitOf(0);
    if (ISO_THREE_DECIMAL.has(currency)) return unitOf(3);
    if (ISO_FOUR_DECIMAL.has(currency)) return unitOf(4);
    return unitOf(2);
  },
};

/** Stripe's zero-decimal currencies (docs.stripe.com/currencies#zero-decimal), less its special cases. */
const STRIPE_ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
/** Stripe's three-decimal currencies: amounts must end in 0 (5.124 KWD cannot be charged; 5.120 can). */
const STRIPE_THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);
/**
 * Stripe's special cases (docs.stripe.com/currencies#special-cases): ISK and UGX became zero-decimal,
 * but for backwards compatibility Stripe still reads them as two-decimal values whose decimals are
 * always 00 (5 ISK is sent as 500). UGX is also in Stripe's zero-decimal list; the special case is
 * the specific rule, and it is the one followed. HUF and TWD are zero-decimal for payouts only: charges
 * take two-decimal amounts, so they are ordinary two-decimal currencies here.
 */
const STRIPE_WHOLE_UNITS_IN_TWO_DECIMALS = new Set(['ISK', 'UGX']);

/** Stripe's table: every other currency is two-decimal. */
export const STRIPE_CURRENCY_TABLE: CurrencyTable = {
  name: 'Stripe',
  minorUnit(currency) {
    if (STRIPE_ZERO_DECIMAL.has(currency)) return unitOf(0);
    if (STRIPE_THREE_DECIMAL.has(currency)) return unitOf(3, 10n);
    if (STRIPE_WHOLE_UNITS_IN_TWO_DECIMALS.has(currency)) return unitOf(2, 100n);
    return unitOf(2);
  },
};

/**
 * Micro-units as the provider's whole minor units: exact, or null when the amount is not a whole
 * step of the provider (10.005 USD, 5.124 KWD, 5.50 ISK with Stripe).
 */
export function toMinorUnits(table: CurrencyTable, micros: bigint, currency: string): bigint | null {
  const unit = table.minorUnit(currency);
  if (micros % unit.stepMicros !== 0n) return null;
  return micros / 10n ** BigInt(6 - unit.exponent);
}

/** The provider's minor units back to micro-units. */
export function fromMinorUnits(table: CurrencyTable, minor: bigint, currency: string): bigint {
  return minor * 10n ** BigInt(6 - table.minorUnit(currency).exponent);
}

/** Fraction digits that show a step exactly: 2 for 0.01, 0 for 1, 3 for 0.001. */
export function stepDigits(stepMicros: bigint): number {
  let digits = 6;
  let step = stepMicros;
  while (digits > 0 && step % 10n === 0n) {
    step /= 10n;
    digits -= 1;
  }
  return digits;
}

