/** The cap's bounds, as the server validates them. */
export const CAP_LIMITS = { maxMessages: { min: 1, max: 100 }, windowHours: { min: 1, max: 720 } } as const;

/** A whole number typed by a person within `[min, max]`, or `undefined`. */
export function parseBoundedInteger(text: string, { min, max }: { min: number; max: number }): number | undefined {
  const typed = text.trim();
  if (!/^\d{1,4}$/.test(typed)) return undefined;
  const value = Number(typed);
  return value >= min && value <= max ? value : undefined;
}
