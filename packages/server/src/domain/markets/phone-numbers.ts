import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** What the server needs to know of an international number, parsed once. */
export interface ParsedNumber {
  /** The country calling code, without `+` (`1`, `91`). */
  readonly callingCode: string;
  /** ISO 3166 alpha-2 of the number when its metadata places it. */
  readonly country: string | undefined;
  /** The E.164 digits, without `+`. */
  readonly digits: string;
  /** Whether the number has a possible length for its country. */
  readonly possible: boolean;
}

/** Numbers kept; a business writes to the same customers again and again. */
const RECENT_LIMIT = 10_000;
const recent = new Map<string, ParsedNumber | null>();

/**
 * Parses `digits` (an international number without `+`, as Meta's `wa_id`) with libphonenumber;
 * null when it is no number at all. Parsing is the costliest step of a status webhook, and its
 * market and its frequency-cap key both need it: the latest results are kept in a bounded map,
 * least recently used out first (a pure function of its input, so nothing to invalidate).
 */
export function parseInternationalNumber(digits: string): ParsedNumber | null {
  const known = recent.get(digits);
  if (known !== undefined) {
    recent.delete(digits);
    recent.set(digits, known);
    return known;
  }
  const number = parsePhoneNumberFromString(`+${digits}`);
  const parsed = number
    ? { callingCode: number.countryCallingCode, country: number.country, digits: number.number.slice(1), possible: number.isPossible() }
    : null;
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  recent.set(digits, parsed);
  return parsed;
}
