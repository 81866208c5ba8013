import type { BillingTerms } from '../../billing-terms.js';
import { plural } from '../../plural.js';

/** English of `<wa-frequency-cap>`. */
export const frequencyCapEnglish = {
  capLabel: 'Marketing frequency cap',
  capEnable: 'Limit marketing messages per customer',
  capMaxMessages: 'Marketing messages per customer, at most',
  capWindowHours: 'Within this many hours',
  capSummary: (max, formattedMax, hours, formattedHours) =>
    `At most ${plural('en', max, { one: `${formattedMax} marketing message`, other: `${formattedMax} marketing messages` })} per customer every ${plural('en', hours, { one: `${formattedHours} hour`, other: `${formattedHours} hours` })}`,
  capOff: 'Off: customers can receive any number of your marketing messages.',
  capExplanation:
    'When the cap is on, your sending system checks it before each marketing message and skips customers who already received the maximum in the window. It protects your quality rating and keeps customers from tiring of your messages.',
  capMetaLimits:
    'Meta also limits how many marketing messages each person receives from businesses, so a message within your cap may still not be delivered.',
  capMaxInvalid: 'Enter a whole number from 1 to 100.',
  capWindowInvalid: 'Enter a whole number of hours from 1 to 720.',
  capSaved: 'Frequency cap saved.',
  capSaveFailed: 'Couldn’t save the frequency cap.',
  capLoadFailed: 'Couldn’t load the frequency cap.',
  capReadOnly: 'This session can see the frequency cap but isn’t allowed to change it.',
} satisfies Partial<BillingTerms>;
