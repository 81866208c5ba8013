import type { MetaTerms } from '../meta-terms.js';
import { marketEnglish } from './en/markets.js';
import { refreshEnglish } from './en/meta-refresh.js';
import { numberEnglish } from './en/number.js';
import { qualityEnglish } from './en/quality.js';
import { quotaEnglish } from './en/quota.js';
import { rateCardEnglish } from './en/rate-card.js';
import { ratingEnglish } from './en/rating.js';
import { tierEnglish } from './en/tiers.js';

/**
 * English terms of `<wa-number>`, `<wa-quality>`, `<wa-quota>` and `<wa-rate-card>`, whole. The widgets import
 * the pieces of `en/` they show instead, so no chunk carries another widget's words.
 */
const terms = {
  ...ratingEnglish,
  ...refreshEnglish,
  ...tierEnglish,
  ...numberEnglish,
  ...qualityEnglish,
  ...quotaEnglish,
  ...marketEnglish,
  ...rateCardEnglish,
} satisfies MetaTerms;

export default terms;
