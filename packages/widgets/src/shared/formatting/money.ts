import type { Money } from '../api/types.js';

const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // Up to the contract's 6 fraction digits: a rate of 0.0107 USD shows as $0.0107, never rounded.
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 6 });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats money for people in the given locale, e.g. `$8,323.87` or `US$ 8.323,87`.
 * The decimal string goes to `Intl` as is, so no digit is lost to floating point.
 */
export function formatMoney(money: Money, locale: string): string {
  return currencyFormatter(locale, money.currency).format(money.amount as Intl.StringNumericLiteral);
}

/** Whether a value has the shape of the API's money object. */
export function isMoney(value: unknown): value is Money {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Money).amount === 'string' &&
    /^-?\d+(\.\d{1,6})?$/.test((value as Money).amount) &&
    typeof (value as Money).currency === 'string'
  );
}
