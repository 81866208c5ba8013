import { humanizeCode } from '../../codes.js';
import type { MetaTerms } from '../../meta-terms.js';
import type { QualityRating } from '../../../api/types.js';

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

/** English of `<wa-quality>`. */
export const qualityEnglish = {
  qualityMeaning: rating => meanings[rating] ?? meanings.UNKNOWN,
  qualityAdvice: rating => advice[rating] ?? advice.UNKNOWN,
  qualityLabel: 'Quality rating',
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
} satisfies Partial<MetaTerms>;
