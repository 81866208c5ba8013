import type { Money } from './types.js';

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

/** Digits grouped by threes with one of the separators locales use (`1,000`, `1.000`, `1 000`, `1'000`). */
const GROUPED = /^\d{1,3}(?:[.,'’ \u00a0\u202f]\d{3})*$/;

/**
 * Reads a whole, non-negative number typed by a person: plain digits, or digits grouped by threes with any
 * locale's separator. A separator anywhere else (`1.5`, `1,50`) may be a decimal mark, so it is refused rather
 * than dropped; returns `undefined` for anything that is not a whole number.
 */
export function parseWholeNumber(text: string): bigint | undefined {
  const typed = text.trim();
  if (/^\d+$/.test(typed)) return BigInt(typed);
  return GROUPED.test(typed) ? BigInt(typed.replace(/\D/g, '')) : undefined;
}
