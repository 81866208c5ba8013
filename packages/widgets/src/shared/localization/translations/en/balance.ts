import type { Translation } from '../../localize.js';

/** The card of `<wa-balance>`. */
export const balanceEnglish = {
  balanceLabel: 'Messaging credit balance',
  alertBelow: amount => `Alert below ${amount}`,
  noThreshold: 'No low-balance alert set',
  lowBalance: 'Low balance',
  loadFailed: 'Couldn’t load the balance.',
} satisfies Partial<Translation>;
