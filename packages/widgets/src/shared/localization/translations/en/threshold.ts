import type { BillingTerms } from '../../billing-terms.js';
import { plural } from '../../plural.js';

/** The low-balance alert's Change button and the runway, on the card of `<wa-balance>`. */
export const thresholdEnglish = {
  changeThreshold: 'Change',
  changeThresholdLabel: 'Change low-balance alert',
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
