import { DomainError } from '../errors.js';
import type { Money } from '../money.js';
import { MICROS_PER_UNIT } from '../money.js';
import type { CurrencyTable } from './currency-tables.js';
import { stepDigits } from './currency-tables.js';

/** What a top-up or payment link may ask for, in one currency (all in micro-units). */
export interface AmountRules {
  readonly currency: string;
  readonly minMicros: bigint;
  readonly maxMicros: bigint;
  /** Every amount is a whole multiple of it: the provider's smallest step (0.01 USD, 1 JPY). */
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
 * merely safe (1 to 1,000,000 units). Tune a market by adding a row to TUNED.
 */
const DERIVED = [1, 1_000_000, 10, 50, 100, 500];

/**
 * The amount rules of a currency with a provider: bounds and presets tuned for the main markets
 * (whole units, so a whole number of steps in every table), and the step of the provider's
 * currency table (0.01 USD, 1 JPY, 0.01 KWD and 1 ISK with Stripe).
 */
export function amountRules(currency: string, table: CurrencyTable): AmountRules {
  const [min = 0, max = 0, ...presets] = TUNED[currency] ?? DERIVED;
  const [minMicros = 0n, maxMicros = 0n] = units(min, max);
  return { currency, minMicros, maxMicros, stepMicros: table.minorUnit(currency).stepMicros, presetsMicros: units(...presets) };
}

/**
 * Checks an amount against the account's currency and the provider's rules for it.
 * @throws DomainError `invalid`: `currency_mismatch`, `amount_below_minimum`, `amount_above_maximum`, `amount_not_a_step`
 */
export function checkAmount(accountCurrency: string, amount: Money, table: CurrencyTable, field = 'amount'): bigint {
  if (amount.currency !== accountCurrency) {
    throw new DomainError('invalid', 'currency_mismatch', `${field}: must be in ${accountCurrency}, the account's currency`);
  }
  const rules = amountRules(accountCurrency, table);
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
  const digits = stepDigits(rules.stepMicros);
  const whole = micros / MICROS_PER_UNIT;
  const fraction = (micros % MICROS_PER_UNIT).toString().padStart(6, '0').slice(0, digits);
  return `${whole}${digits > 0 ? `.${fraction}` : ''} ${rules.currency}`;
}
