import type { Money } from '../api/types.js';
import { parseNumberInput } from './number-input.js';

const MICROS_PER_UNIT = 1_000_000n;
const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,6}))?$/;

/**
 * Parses the API's decimal string (`"0.0107"`) to integer micro-units (`10700n`), exactly.
 * Throws on anything that is not an optional `-`, digits and up to 6 fraction digits.
 */
export function toMicros(amount: string): bigint {
  const match = DECIMAL.exec(amount);
  if (!match) throw new RangeError(`Not a decimal amount with up to 6 fraction digits: ${amount}`);
  const [, sign, units = '0', fraction = ''] = match;
  const micros = BigInt(units) * MICROS_PER_UNIT + BigInt(fraction.padEnd(6, '0'));
  return sign ? -micros : micros;
}

/** Formats micro-units back to the API's decimal string, without trailing zeros: `10700032100n` → `"10700.0321"`. */
export function fromMicros(micros: bigint): string {
  const sign = micros < 0n ? '-' : '';
  const magnitude = micros < 0n ? -micros : micros;
  const units = magnitude / MICROS_PER_UNIT;
  const fraction = (magnitude % MICROS_PER_UNIT).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${units}${fraction ? `.${fraction}` : ''}`;
}

/** The price of `count` units at `price` each, exact to the micro-unit: `0.0107 × 1000003 = 10700.0321`. */
export function multiplyMoney(price: Money, count: bigint): Money {
  return { amount: fromMicros(toMicros(price.amount) * count), currency: price.currency };
}

/**
 * Reads a whole, non-negative number typed by a person in `locale`, as every widget reads numbers
 * ({@link parseNumberInput}): plain digits, or digits grouped by threes (`1,000` in en, `1.000` in pt-BR,
 * `1 000`, `1'000`). A decimal mark (`1.5`, `1,50`) is refused rather than dropped; returns `undefined` for
 * anything that is not a whole number.
 */
export function parseWholeNumber(text: string, locale = 'en'): bigint | undefined {
  const typed = parseNumberInput(text, locale, 0);
  return typed.ok ? BigInt(typed.units) : undefined;
}
