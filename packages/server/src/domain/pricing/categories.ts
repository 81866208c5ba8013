/** Meta's pricing categories a rate card may price (`pricing.category` of status webhooks). */
export const RATE_CATEGORIES = [
  'marketing',
  'marketing_lite',
  'utility',
  'authentication',
  'authentication_international',
  'service',
] as const;

/** One of {@link RATE_CATEGORIES}. */
export type RateCategory = (typeof RATE_CATEGORIES)[number];

/** Whether `category` is one a rate card may price. */
export function isRateCategory(category: string): category is RateCategory {
  return (RATE_CATEGORIES as readonly string[]).includes(category);
}

/**
 * Meta's category as we store it: lower case, with `authentication-international` (the spelling
 * of `pricing.category`) folded into `authentication_international` (that of `origin.type`).
 */
export function normalizeCategory(category: string): string {
  return category.trim().toLowerCase().replaceAll('-', '_');
}
