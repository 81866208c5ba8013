import { numberSeparators, parseNumberInput } from '../shared/formatting/number-input.js';

/** What a person typed as a low-balance threshold: an amount, "no alert", or why it is not valid. */
export type ThresholdInput = { amount: string } | { off: true } | { invalid: true };

/** The fraction digits of `currency` (2 for USD, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Reads a threshold typed in `locale`: empty turns the alert off; otherwise a non-negative amount with at most
 * the currency's fraction digits, read as every widget reads numbers ({@link parseNumberInput}: `1.000` is one
 * thousand in pt-BR, `1,000` in en).
 */
export function parseThreshold(text: string, currency: string, locale: string): ThresholdInput {
  const typed = parseNumberInput(text, locale, currencyDigits(currency));
  if (!typed.ok) return typed.problem === 'required' ? { off: true } : { invalid: true };
  return { amount: typed.fraction ? `${typed.units}.${typed.fraction}` : typed.units };
}

/** An amount as a person would type it back in `locale`, without grouping: `100,00` in pt-BR. */
export function thresholdText(amount: string, locale: string): string {
  return amount.replace('.', numberSeparators(locale).decimal);
}

/** An example amount for error messages: `100.00`, `100,00`, `100` for JPY. */
export function thresholdExample(currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(100);
}
