import type { Translation } from '../localize.js';

/**
 * The English every widget may show: its language's name and direction, the loading and error states. Each widget
 * adds its own area's English (`en/`, `en-topup.ts`) to its
 * `LocalizeController`, so the code every widget loads carries no other widget's words.
 */
export const commonEnglish = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',

  loading: 'Loading…',
  retry: 'Retry',
  sessionExpired: 'Your session has expired. Reload the page to sign in again.',
  staleNote: time => `Couldn’t refresh — showing the value from ${time}`,
} satisfies Partial<Translation>;
