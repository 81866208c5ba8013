import type { MetaTerms } from '../../meta-terms.js';
import { plural } from '../../plural.js';

/** English of `<wa-quota>`. */
export const quotaEnglish = {
  quotaLabel: 'Daily messaging limit',
  quotaShared: 'The limit is shared by all numbers of your business portfolio.',
  quotaStale: time => `Meta didn’t answer — showing the limit from ${time}`,
  quotaStaleNoTime: 'Meta didn’t answer — showing the last known limit',
  quotaRefreshFailed: time => `Refresh failed: Meta didn’t answer. Showing the limit from ${time}`,
  quotaRefreshFailedNoTime: 'Refresh failed: Meta didn’t answer. Showing the last known limit',
  quotaLoadFailed: 'Couldn’t load the messaging limit.',
  usageButton: 'Get last 24h usage',
  usageLabel: 'Unique customers in the last 24 h',
  usageOf: (used, limit) => `${used} of ${limit} customers`,
  usageCount: (count, formatted) =>
    plural('en', count, { one: `${formatted} customer in the last 24 h`, other: `${formatted} customers in the last 24 h` }),
  usageHeadroom: (remaining, formatted) =>
    plural('en', remaining, { one: `You can reach ${formatted} more customer now`, other: `You can reach ${formatted} more customers now` }),
  usageLimitReached: 'You have reached the limit: new customers can be reached as earlier ones leave the 24-hour window.',
  usageProjection: (pace, formattedPace, time) =>
    plural('en', pace, {
      one: `At the current pace (${formattedPace} new customer in the last hour) the limit would be reached around ${time}`,
      other: `At the current pace (${formattedPace} new customers in the last hour) the limit would be reached around ${time}`,
    }),
  usageByNumber: 'Customers by number',
  usageNumberColumn: 'Number',
  usageCustomersColumn: 'Customers',
  usageUnnamedNumber: 'Number without a display number',
  usageLoadFailed: 'Couldn’t load the usage.',
} satisfies Partial<MetaTerms>;
