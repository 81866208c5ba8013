/** What a person typed as a low-balance threshold: an amount, "no alert", or why it is not valid. */
export type ThresholdInput = { amount: string } | { off: true } | { invalid: true };

function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    decimal: parts.find(part => part.type === 'decimal')?.value ?? '.',
    group: parts.find(part => part.type === 'group')?.value ?? ',',
  };
}

/** The fraction digits of `currency` (2 for USD, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Reads a threshold typed in `locale`: empty turns the alert off; otherwise a non-negative decimal with at most
 * the currency's fraction digits, written with the locale's decimal separator (or `.` where `.` is not the
 * locale's group separator, so `1.000` is never read as one in pt-BR). No group separators: `1,000` is refused
 * rather than guessed.
 */
export function parseThreshold(text: string, currency: string, locale: string): ThresholdInput {
  const typed = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!typed) return { off: true };
  const { decimal, group } = separators(locale);
  const accepted = group === '.' ? [decimal] : [...new Set([decimal, '.'])];
  const digits = currencyDigits(currency);
  for (const separator of accepted) {
    const [units, fraction, extra] = typed.split(separator);
    if (extra !== undefined || !units || !/^\d+$/.test(units)) continue;
    if (fraction === undefined) return { amount: units.replace(/^0+(?=\d)/, '') };
    if (digits > 0 && /^\d+$/.test(fraction) && fraction.length <= digits) {
      return { amount: `${units.replace(/^0+(?=\d)/, '')}.${fraction}` };
    }
  }
  return { invalid: true };
}

/** An amount as a person would type it back in `locale`, without grouping: `100,00` in pt-BR. */
export function thresholdText(amount: string, locale: string): string {
  return amount.replace('.', separators(locale).decimal);
}

/** An example amount for error messages: `100.00`, `100,00`, `100` for JPY. */
export function thresholdExample(currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(100);
}
