import type { BillingTerms } from '../../billing-terms.js';

/** The form that changes the low-balance alert of `<wa-balance>`, loaded with it on the first "Change". */
export const thresholdFormEnglish = {
  thresholdInput: currency => `Alert me when the balance falls below (${currency})`,
  thresholdHint: 'Leave empty to turn the alert off.',
  thresholdInvalid: example => `Enter an amount of 0 or more, like ${example}.`,
  thresholdSaved: amount => `Alert set below ${amount}.`,
  thresholdOff: 'Low-balance alert turned off.',
  thresholdForbidden: 'This session isn’t allowed to change the alert.',
  thresholdSaveFailed: 'Couldn’t save the alert.',
} satisfies Partial<BillingTerms>;
