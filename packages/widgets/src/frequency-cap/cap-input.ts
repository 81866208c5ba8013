/** The cap's bounds, as the server validates them. */
export const CAP_LIMITS = { maxMessages: { min: 1, max: 100 }, windowHours: { min: 1, max: 720 } } as const;

import { parseNumberInput } from '../shared/formatting/number-input.js';

/** A whole number typed by a person in `locale` within `[min, max]`, or `undefined`. */
export function parseBoundedInteger(text: string, { min, max }: { min: number; max: number }, locale: string): number | undefined {
  const typed = parseNumberInput(text, locale, 0);
  if (!typed.ok || typed.units.length > 4) return undefined;
  const value = Number(typed.units);
  return value >= min && value <= max ? value : undefined;
}
