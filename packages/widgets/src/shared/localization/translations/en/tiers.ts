import type { MetaTerms } from '../../meta-terms.js';

/** Messaging tiers in words, for `<wa-quality>`'s history and `<wa-quota>`. */
export const tierEnglish = {
  quotaLimit: (count, hours) => `${count} unique customers / ${hours} h`,
  quotaUnlimited: 'Unlimited',
  quotaNotSet: 'Not set',
} satisfies Partial<MetaTerms>;
