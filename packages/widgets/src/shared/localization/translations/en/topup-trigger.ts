import type { TopupTerms } from '../../topup-terms.js';

/** The "Add credits" button, shown by `<wa-topup>` and `<wa-balance topup>` before any dialog loads. */
export const topupTriggerEnglish = {
  topupTrigger: 'Add credits',
} satisfies Partial<TopupTerms>;
