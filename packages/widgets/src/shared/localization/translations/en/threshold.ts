import type { BillingTerms } from '../../billing-terms.js';
import { plural } from '../../plural.js';

/** The low-balance alert and runway of `<wa-balance>`. */
export const thresholdEnglish = {
  changeThreshold: 'Change',
  changeThresholdLabel: 'Change low-balance alert',
  thresholdInput: currency => `Alert me when the balance falls below (${currency})`,
  thresholdHint: 'Leave empty to turn the alert off.',
  thresholdInvalid: example => `Enter an amount of 0 or more, like ${example}.`,
  thresholdSaved: amount => `Alert set below ${amount}.`,
  thresholdOff: 'Low-balance alert turned off.',
  thresholdForbidden: 'This session isn’t allowed to change the alert.',
  thresholdSaveFailed: 'Couldn’t save the alert.',
  runway: (days, formattedDays, spend, basisDays) =>
    days > 365
      ? `More than a year at your average spend of ${spend}/day (last ${basisDays} days)`
      : days < 1
      ? `Less than a day at your average spend of ${spend}/day (last ${basisDays} days)`
      : plural('en', days, {
          one: `About ${formattedDays} day at your average spend of ${spend}/day (last ${basisDays} days)`,
          other: `About ${formattedDays} days at your average spend of ${spend}/day (last ${basisDays} days)`,
        }),
  runwayNoSpend: basisDays => `No spend in the last ${basisDays} days`,
} satisfies Partial<BillingTerms>;
