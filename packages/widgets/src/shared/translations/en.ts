import type { Translation } from '../localize.js';
import metaEn from './en-meta.js';
import billingEn from './en-billing.js';
import topupEn from './en-topup.js';

const translation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',

  balanceLabel: 'Messaging credit balance',
  alertBelow: amount => `Alert below ${amount}`,
  noThreshold: 'No low-balance alert set',
  lowBalance: 'Low balance',
  loading: 'Loading…',
  retry: 'Retry',
  loadFailed: 'Couldn’t load the balance.',
  sessionExpired: 'Your session has expired. Reload the page to sign in again.',
  staleNote: time => `Couldn’t refresh — showing the value from ${time}`,
  ...metaEn,
  ...billingEn,
  ...topupEn,
} satisfies Translation;

export default translation;
