import { DomainError } from '../errors.js';
import type { Money } from '../money.js';
import { MICROS_PER_UNIT } from '../money.js';

/** What a top-up or payment link may ask for, in one currency (all in micro-units). */
export interface AmountRules {
  readonly currency: string;
  readonly minMicros: bigint;
  readonly maxMicros: bigint;
  /** Every amount is a whole multiple of it: the currency's minor unit (0.01 USD, 1 JPY). */
  readonly stepMicros: bigint;
  /** Suggested amounts, smallest first. */
  readonly presetsMicros: readonly bigint[];
}

const units = (...values: number[]) => values.map((value) => BigInt(value) * MICROS_PER_UNIT);

/** Markets tuned by hand: [min, max, ...presets] in whole currency units. */
const TUNED: Readonly<Record<string, readonly number[]>> = {
  USD: [10, 10_000, 25, 50, 100, 250],
  EUR: [10, 10_000, 25, 50, 100, 250],
  GBP: [10, 10_000, 25, 50, 100, 250],
  BRL: [50, 50_000, 100, 250, 500, 1_000],
  INR: [500, 500_000, 1_000, 2_500, 5_000, 10_000],
  MXN: [200, 200_000, 500, 1_000, 2_500, 5_000],
  JPY: [1_000, 1_000_000, 3_000, 5_000, 10_000, 30_000],
  IDR: [100_000, 100_000_000, 250_000, 500_000, 1_000_000, 2_500_000],
};

/**
 * Fallback for any other ISO 4217 currency: nothing is known of its value, so the bounds are
 * merely safe (1 to 1,000,000 units), and the step is the minor unit that `Intl` reports
 * (2 digits for most, 0 for JPY-like, 3 for KWD-like). Tune a market by adding a row to TUNED.
 */
const DERIVED = [1, 1_000_000, 10, 50, 100, 500];

/** The amount rules of a currency: tuned for the main markets, derived from `Intl` otherwise. */
export function amountRules(currency: string): AmountRules {
  const [min = 0, max = 0, ...presets] = TUNED[currency] ?? DERIVED;
  const [minMicros = 0n, maxMicros = 0n] = units(min, max);
  return { currency, minMicros, maxMicros, stepMicros: minorUnitMicros(currency), presetsMicros: units(...presets) };
}

/** Digits after the decimal point of the currency's minor unit, per `Intl` (USD 2, JPY 0, KWD 3). */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The minor unit in micro-units: 10_000n for USD (0.01), 1_000_000n for JPY. */
export function minorUnitMicros(currency: string): bigint {
  return 10n ** BigInt(6 - Math.min(6, minorUnitDigits(currency)));
}

/**
 * Checks an amount against the account's currency and its rules.
 * @throws DomainError `invalid`: `currency_mismatch`, `amount_below_minimum`, `amount_above_maximum`, `amount_not_a_step`
 */
export function checkAmount(accountCurrency: string, amount: Money, field = 'amount'): bigint {
  if (amount.currency !== accountCurrency) {
    throw new DomainError('invalid', 'currency_mismatch', `${field}: must be in ${accountCurrency}, the account's currency`);
  }
  const rules = amountRules(accountCurrency);
  if (amount.micros < rules.minMicros) {
    throw new DomainError('invalid', 'amount_below_minimum', `${field}: must be at least ${fmt(rules.minMicros, rules)}`);
  }
  if (amount.micros > rules.maxMicros) {
    throw new DomainError('invalid', 'amount_above_maximum', `${field}: must be at most ${fmt(rules.maxMicros, rules)}`);
  }
  if (amount.micros % rules.stepMicros !== 0n) {
    throw new DomainError('invalid', 'amount_not_a_step', `${field}: must be a multiple of ${fmt(rules.stepMicros, rules)}`);
  }
  return amount.micros;
}

function fmt(micros: bigint, rules: AmountRules): string {
  const digits = minorUnitDigits(rules.currency);
  const whole = micros / MICROS_PER_UNIT;
  const fraction = (micros % MICROS_PER_UNIT).toString().padStart(6, '0').slice(0, digits);
  return `${whole}${digits > 0 ? `.${fraction}` : ''} ${rules.currency}`;
}

/**
 * Micro-units as a whole number of minor units (what card providers charge in): exact, or null
 * when the amount has digits below the minor unit (10.005 USD).
 */
export function toMinorUnits(micros: bigint, currency: string): bigint | null {
  const unit = minorUnitMicros(currency);
  return micros % unit === 0n ? micros / unit : null;
}

/** Minor units back to micro-units. */
export function fromMinorUnits(minor: bigint, currency: string): bigint {
  return minor * minorUnitMicros(currency);
}
