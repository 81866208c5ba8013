/** A phone number's quality rating as the widget API reports it (Meta's `NA` becomes `UNKNOWN`). */
export type Rating = 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';

/** Every {@link Rating}. */
export const RATINGS = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as const;

/** A messaging limit expressed as a number of unique customers per moving 24 h. */
export interface MessagingLimit {
  /** Meta's tier name (`TIER_2K`…), or any other string Meta sent; null when nothing is known. */
  readonly tier: string | null;
  /** Unique customers per 24 h; null when unlimited or unknown. */
  readonly limit: number | null;
  readonly unlimited: boolean;
}

const KNOWN_LIMITS: Readonly<Record<string, number | null>> = {
  TIER_50: 50,
  TIER_250: 250,
  TIER_1K: 1000,
  TIER_2K: 2000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
  TIER_UNLIMITED: null,
};

const TIER_BY_NUMBER: ReadonlyMap<number, string> = new Map(
  Object.entries(KNOWN_LIMITS).flatMap(([tier, limit]) => (limit === null ? [] : [[limit, tier] as const])),
);

/** Reads Meta's quality rating; `NA`, absent and unknown values are `UNKNOWN`. */
export function parseRating(value: unknown): Rating {
  const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return (RATINGS as readonly string[]).includes(upper) ? (upper as Rating) : 'UNKNOWN';
}

/**
 * Reads a messaging limit in any of the forms Meta uses, into a tier name: `"TIER_2K"` as is,
 * the numbers `2000` / `"2000"` (→ `TIER_2K`), `-1` and `"UNLIMITED"` (→ `TIER_UNLIMITED`).
 * A number outside the ladder is kept as its decimal string. Null for absent or empty values.
 */
export function parseTier(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? tierOfNumber(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().toUpperCase();
  if (text === '') return null;
  if (text === 'UNLIMITED') return 'TIER_UNLIMITED';
  if (/^-?\d+$/.test(text)) return tierOfNumber(Number(text));
  return text;
}

/** The number of unique customers a tier allows (contract: TIER_UNLIMITED and unknown tiers → null). */
export function limitOfTier(tier: string | null): MessagingLimit {
  if (tier === null) return { tier: null, limit: null, unlimited: false };
  if (tier === 'TIER_UNLIMITED') return { tier, limit: null, unlimited: true };
  const known = KNOWN_LIMITS[tier];
  if (known !== undefined) return { tier, limit: known, unlimited: false };
  // A bare number is what we keep when Meta sent a limit off the ladder.
  return { tier, limit: /^\d+$/.test(tier) ? Number(tier) : null, unlimited: false };
}

/** Keeps only the digits of a phone number, so `+1 555-078-3881` and `15550783881` compare equal. */
export function phoneDigits(value: string): string {
  return value.replace(/\D/g, '');
}

function tierOfNumber(value: number): string {
  if (value < 0) return 'TIER_UNLIMITED';
  return TIER_BY_NUMBER.get(value) ?? String(value);
}
