/** Why a typed number was refused. */
export type NumberInputProblem = 'required' | 'notANumber' | 'tooManyDecimals';

/** A typed number read exactly: its whole digits (no leading zeros) and its fraction digits as typed. */
export type NumberInput = { ok: true; units: string; fraction: string } | { ok: false; problem: NumberInputProblem };

const separatorsByLocale = new Map<string, { decimal: string; group: string }>();

/** The locale's decimal and group separators (`,` and `.` in pt-BR). */
export function numberSeparators(locale: string): { decimal: string; group: string } {
  let separators = separatorsByLocale.get(locale);
  if (!separators) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    separators = {
      decimal: parts.find(part => part.type === 'decimal')?.value ?? '.',
      group: parts.find(part => part.type === 'group')?.value ?? ',',
    };
    separatorsByLocale.set(locale, separators);
  }
  return separators;
}

/** Spaces and apostrophes only ever group digits (`1 000`, `1’000`), like the separator that is not the mark. */
const GROUPING_MARKS = "\\s\\u00a0\\u202f'’";

/**
 * The one reading of a number a person typed, for every widget (top-up amounts, the alert threshold, counts):
 * exact digits, never a float. `.` and `,` are read as people write them in `locale`:
 * - both present: the last is the decimal mark, the other groups digits by threes (`1.000,50`, `1,000.50`);
 * - one of them, several times: it groups digits by threes (`1.000.000`);
 * - one of them, once: it groups when it is the locale's group separator followed by exactly three digits
 *   (`1.000` is one thousand in pt-BR, `1,000` in en); otherwise it is the decimal mark (`49,90`, `75.5`).
 * Digits grouped otherwise than by threes, or more fraction digits than `maxFractionDigits` (0 for a count, so
 * `1.5` people is refused, never read as 15), are refused rather than guessed.
 */
export function parseNumberInput(text: string, locale: string, maxFractionDigits: number): NumberInput {
  const typed = text.trim();
  if (typed === '') return { ok: false, problem: 'required' };
  if (!new RegExp(`^[\\d.,${GROUPING_MARKS}]+$`).test(typed)) return { ok: false, problem: 'notANumber' };

  const dots = typed.split('.').length - 1;
  const commas = typed.split(',').length - 1;
  let mark: '.' | ',' | undefined;
  if (dots && commas) mark = typed.lastIndexOf('.') > typed.lastIndexOf(',') ? '.' : ',';
  else if (dots + commas === 1) {
    const separator = dots ? '.' : ',';
    const { decimal, group } = numberSeparators(locale);
    const digitsAfter = typed.length - typed.indexOf(separator) - 1;
    mark = separator === group && separator !== decimal && digitsAfter === 3 ? undefined : separator;
  }

  const [whole = '', fraction = '', extra] = mark ? typed.split(mark) : [typed];
  if (extra !== undefined || (mark && !/^\d+$/.test(fraction))) return { ok: false, problem: 'notANumber' };
  const group = mark === '.' ? ',' : mark === ',' ? '.' : dots ? '.' : ',';
  const grouped = new RegExp(`^\\d{1,3}(?:[\\${group}${GROUPING_MARKS}]\\d{3})+$`);
  if (!/^\d+$/.test(whole) && !grouped.test(whole)) return { ok: false, problem: 'notANumber' };
  if (fraction.length > maxFractionDigits) return { ok: false, problem: 'tooManyDecimals' };
  return { ok: true, units: whole.replace(/\D/g, '').replace(/^0+(?=\d)/, ''), fraction };
}
