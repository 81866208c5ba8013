import type { LocalizeController } from '../localization/localize.js';
import type { MessagingTier } from '../api/types.js';

/** Unique customers per 24 h of each known finite tier (the contract's table; `TIER_1K` is the pre-2025 ladder). */
const TIER_LIMITS: Record<string, number> = {
  TIER_50: 50,
  TIER_250: 250,
  TIER_1K: 1_000,
  TIER_2K: 2_000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
};

/** What a tier means, in a shape a widget can put into words. */
export type TierSize =
  | { kind: 'limited'; limit: number }
  | { kind: 'unlimited' }
  | { kind: 'not-set' }
  | { kind: 'unknown'; tier: string };

/** Reads a tier (and the server's `limit`, when it knows one) as a limit, unlimited, not set, or unknown. */
export function tierSize(tier: MessagingTier | null, limit: number | null = null): TierSize {
  if (tier === 'TIER_UNLIMITED') return { kind: 'unlimited' };
  const known = limit ?? (tier ? TIER_LIMITS[tier] : undefined);
  if (known !== undefined) return { kind: 'limited', limit: known };
  if (tier === null || tier === 'TIER_NOT_SET') return { kind: 'not-set' };
  return { kind: 'unknown', tier };
}

/** A limit as a short number in the locale: 2000 → `2K` (en) or `2 mil` (pt-BR). */
export function compactCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A tier in words: `10K unique customers / 24 h`, `Unlimited`, `Not set`, or Meta's code when it is new to us. */
export function tierWords(size: TierSize, localize: LocalizeController, windowHours = 24): string {
  switch (size.kind) {
    case 'limited':
      return localize.term('quotaLimit', compactCount(size.limit, localize.locale), localize.number(windowHours));
    case 'unlimited':
      return localize.term('quotaUnlimited');
    case 'not-set':
      return localize.term('quotaNotSet');
    default:
      return size.tier;
  }
}
