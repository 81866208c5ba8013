/** Micro-units per currency unit: amounts are stored as integers of 1e-6 of the unit. */
export const MICROS_PER_UNIT = 1_000_000n;

/**
 * Largest magnitude an amount may have, in micro-units (1e12 currency units).
 * Keeps every sum of a few amounts far from the int64 limit of the database.
 */
export const MAX_AMOUNT_MICROS = 1_000_000_000_000n * MICROS_PER_UNIT;

const AMOUNT_PATTERN = /^(-?)(\d+)(?:\.(\d{1,6}))?$/;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** An amount of money in one currency, as integer micro-units. */
export interface Money {
  readonly micros: bigint;
  readonly currency: string;
}

/**
 * Parses a decimal amount string ("12.50", "-3.1", "0.000001") into micro-units.
 * Returns `null` for anything else: exponents, signs other than a leading `-`, blanks, a bare
 * or trailing dot, more than 6 fraction digits, or a magnitude above {@link MAX_AMOUNT_MICROS}.
 * "-0" is accepted and is zero.
 */
export function tryParseAmount(text: string): bigint | null {
  const match = AMOUNT_PATTERN.exec(text);
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const magnitude = BigInt(whole) * MICROS_PER_UNIT + BigInt(fraction.padEnd(6, '0'));
  if (magnitude > MAX_AMOUNT_MICROS) return null;
  return sign === '-' ? -magnitude : magnitude;
}

/** Like {@link tryParseAmount}, but throws a `RangeError` on invalid input. */
export function parseAmount(text: string): bigint {
  const micros = tryParseAmount(text);
  if (micros === null) throw new RangeError(`invalid amount: ${JSON.stringify(text)}`);
  return micros;
}

/**
 * Formats micro-units as a decimal string with at least 2 and at most 6 fraction digits:
 * 12_500_000n → "12.50", 1n → "0.000001", -3_100_000n → "-3.10".
 */
export function formatAmount(micros: bigint): string {
  const negative = micros < 0n;
  const magnitude = negative ? -micros : micros;
  const whole = magnitude / MICROS_PER_UNIT;
  const fraction = (magnitude % MICROS_PER_UNIT).toString().padStart(6, '0').replace(/0{1,4}$/, '');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Whether `code` is an ISO 4217 currency code known to this runtime (e.g. "USD"). */
export function isCurrencyCode(code: string): boolean {
  return CURRENCY_PATTERN.test(code) && knownCurrencies().has(code);
}

let currencies: ReadonlySet<string> | undefined;
function knownCurrencies(): ReadonlySet<string> {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies;
}
