import type { BillingTerms } from '../../billing-terms.js';

/** Save and Cancel of the forms of `<wa-balance>` (its alert threshold) and `<wa-frequency-cap>`. */
export const formEnglish = {
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
} satisfies Partial<BillingTerms>;
