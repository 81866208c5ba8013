import { DomainError } from '../errors.js';

/** Markup percentages are kept as integers of 1e-4 percent: "15" → 150000, "12.3456" → 123456. */
const SCALE = 10_000n;
const MAX_MARKUP_E4 = 1000n * SCALE;
const PERCENT_PATTERN = /^(\d{1,4})(?:\.(\d{1,4}))?$/;

/**
 * Parses a markup percent given as a decimal string between 0 and 1000 with at most 4 fraction
 * digits into 1e-4 percent units.
 * @throws DomainError `invalid` `invalid_markup`
 */
export function parseMarkupPercent(text: string): bigint {
  const match = PERCENT_PATTERN.exec(text);
  const value = match ? BigInt(match[1] ?? '0') * SCALE + BigInt((match[2] ?? '').padEnd(4, '0')) : null;
  if (value === null || value > MAX_MARKUP_E4) {
    throw new DomainError(
      'invalid',
      'invalid_markup',
      'markup_percent: must be a decimal string from "0" to "1000" with at most 4 fraction digits',
    );
  }
  return value;
}

/** Formats 1e-4 percent units without trailing zeros: 150000n → "15", 125000n → "12.5". */
export function formatMarkupPercent(markupE4: bigint): string {
  const whole = markupE4 / SCALE;
  const fraction = (markupE4 % SCALE).toString().padStart(4, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

/**
 * `priceMicros × (1 + markup/100)`, rounded half-up to the micro-unit, in integer arithmetic:
 * the factor is (1e6 + markupE4) / 1e6 since markupE4 / 1e4 percent = markupE4 / 1e6.
 */
export function applyMarkup(priceMicros: bigint, markupE4: bigint): bigint {
  const denominator = 1_000_000n;
  return (priceMicros * (denominator + markupE4) + denominator / 2n) / denominator;
}
