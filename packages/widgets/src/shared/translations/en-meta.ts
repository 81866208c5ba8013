import { humanizeCode } from '../codes.js';
import type { MetaTerms } from '../meta-terms.js';
import type { QualityRating } from '../types.js';
import { plural } from '../plural.js';

const ratings: Record<QualityRating, string> = { GREEN: 'High', YELLOW: 'Medium', RED: 'Low', UNKNOWN: 'Not yet rated' };
const lastWeek = 'Quality reflects how people received your messages over the last 7 days: blocks, reports and feedback.';
const meanings: Record<QualityRating, string> = {
  GREEN: `${lastWeek} People are receiving your messages well.`,
  YELLOW: `${lastWeek} Some people have blocked or reported your messages; the rating could drop to low.`,
  RED: `${lastWeek} Many people have blocked or reported your messages. Low quality can lead Meta to pause templates or restrict this number.`,
  UNKNOWN: 'Meta hasn’t rated this number yet, usually because it has sent few messages so far.',
};
const advice: Record<QualityRating, string> = {
  GREEN: 'Keep it up: send only messages people opted in to and expect, and honour every opt-out.',
  YELLOW: 'Send only relevant messages that people opted in to and expect, honour opt-outs, send less often, and check each template’s quality.',
  RED: 'Pause campaigns that get blocked, message only people who opted in and expect you, honour every opt-out, and fix or stop low-quality templates.',
  UNKNOWN: 'Start with messages people opted in to and expect; the rating appears once Meta has enough feedback.',
};
const statuses: Record<string, string> = {
  CONNECTED: 'Connected',
  PENDING: 'Pending',
  FLAGGED: 'Flagged',
  RESTRICTED: 'Restricted',
  DISCONNECTED: 'Disconnected',
  LINKED: 'Linked',
  UNVERIFIED: 'Unverified',
  MIGRATED: 'Migrated',
  BANNED: 'Banned',
  DELETED: 'Deleted',
};
const nameStatuses: Record<string, string> = {
  APPROVED: 'Display name approved',
  AVAILABLE_WITHOUT_REVIEW: 'Display name available without review',
  DECLINED: 'Display name declined',
  EXPIRED: 'Display name expired',
  PENDING_REVIEW: 'Display name in review',
  NONE: 'No display name submitted',
};
const events: Record<string, string> = {
  ONBOARDING: 'Number being registered',
  THROUGHPUT_UPGRADE: 'Throughput upgraded',
  FLAGGED: 'Number flagged',
  UNFLAGGED: 'Flag removed',
  UPGRADE: 'Messaging limit raised',
  DOWNGRADE: 'Messaging limit lowered',
  BUSINESS_CAPABILITY_UPDATE: 'Messaging limit updated',
  QUALITY_CHANGED: 'Quality rating changed',
  LIMIT_CHANGED: 'Messaging limit changed',
};
const categories: Record<string, string> = {
  marketing: 'Marketing',
  marketing_lite: 'Marketing Lite',
  utility: 'Utility',
  authentication: 'Authentication',
  authentication_international: 'Authentication (international)',
  service: 'Service',
};
const markets: Record<string, string> = {
  NORTH_AMERICA: 'North America',
  REST_OF_AFRICA: 'Rest of Africa',
  REST_OF_ASIA_PACIFIC: 'Rest of Asia Pacific',
  REST_OF_CENTRAL_EASTERN_EUROPE: 'Rest of Central & Eastern Europe',
  REST_OF_LATIN_AMERICA: 'Rest of Latin America',
  REST_OF_MIDDLE_EAST: 'Rest of Middle East',
  REST_OF_WESTERN_EUROPE: 'Rest of Western Europe',
  OTHER: 'Other',
};

/** English terms of `<wa-number>`, `<wa-quality>`, `<wa-quota>` and `<wa-rate-card>`. */
const terms = {
  qualityRating: rating => ratings[rating] ?? humanizeCode(rating),
  qualityMeaning: rating => meanings[rating] ?? meanings.UNKNOWN,
  qualityAdvice: rating => advice[rating] ?? advice.UNKNOWN,
  qualityChip: rating => `Quality: ${rating}`,

  numberLabel: 'WhatsApp number',
  numberStatus: status => statuses[status] ?? humanizeCode(status),
  nameStatus: status => nameStatuses[status] ?? `Display name: ${humanizeCode(status).toLowerCase()}`,
  noNumber: 'No WhatsApp number is connected yet.',
  numberLoadFailed: 'Couldn’t load the number.',

  qualityLabel: 'Quality rating',
  refresh: 'Refresh',
  qualityStale: time => `Meta didn’t answer — showing the rating from ${time}`,
  qualityStaleNoTime: 'Meta didn’t answer — showing the last known rating',
  qualityRefreshFailed: time => `Refresh failed: Meta didn’t answer. Showing the rating from ${time}`,
  qualityRefreshFailedNoTime: 'Refresh failed: Meta didn’t answer. Showing the last known rating',
  qualityChecked: time => `Checked ${time}`,
  qualityPolicyLink: 'WhatsApp Business Messaging Policy',
  opensInNewTab: '(opens in a new tab)',
  qualityHistoryLabel: 'Quality and limit changes',
  qualityHistoryEmpty: 'No changes yet. Changes of the quality rating and of the messaging limit will show here.',
  qualityEvent: event => events[event] ?? humanizeCode(event),
  historyTier: tier => `Limit: ${tier}`,
  qualityLoadFailed: 'Couldn’t load the quality rating.',

  quotaLabel: 'Daily messaging limit',
  quotaLimit: (count, hours) => `${count} unique customers / ${hours} h`,
  quotaUnlimited: 'Unlimited',
  quotaNotSet: 'Not set',
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

  rateCardLabel: 'Message prices',
  rateCardCaption: currency => `Price per delivered message, in ${currency}`,
  rateCardSearch: 'Search markets',
  rateCardCount: (count, formatted) => plural('en', count, { one: `${formatted} market`, other: `${formatted} markets` }),
  rateCardNoMatch: query => `No market matches “${query}”.`,
  rateCardEmpty: 'No prices have been set yet.',
  rateCardMarketColumn: 'Market',
  pricingCategory: category => categories[category] ?? humanizeCode(category),
  marketName: (code, fallback) => markets[code] ?? fallback,
  noPrice: 'Not available',
  rateCardLoadFailed: 'Couldn’t load the prices.',
  estimatorLabel: 'Price this campaign',
  estimatorHint: 'An estimate for one delivered message per person.',
  estimatorMarket: 'Market',
  estimatorCategory: 'Category',
  estimatorAudience: 'People',
  estimatorCost: 'Estimated cost',
  estimatorRow: row => `Row ${row}`,
  estimatorAddRow: 'Add a market',
  estimatorRemoveRow: row => `Remove row ${row}`,
  estimatorInvalidAudience: 'Enter a whole number of people.',
  estimatorNoPrice: 'No price for this category in this market.',
  estimatorTotal: amount => `Estimated total: ${amount}`,
  estimatorCovered: balance => `Your balance of ${balance} covers this campaign`,
  estimatorShortfall: missing => `You need ${missing} more`,
  estimatorBalanceUnavailable: 'Couldn’t load your balance to compare.',
} satisfies MetaTerms;

export default terms;
