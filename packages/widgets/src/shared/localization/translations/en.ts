import type { Translation } from '../localize.js';
import metaEn from './en-meta.js';
import billingEn from './en-billing.js';
import { commonEnglish } from './en-common.js';
import { balanceEnglish } from './en/balance.js';
import topupEn from './en-topup.js';

/**
 * Every English string in one translation, for a host that wants the whole (e.g. to start its own language from
 * it). The widgets themselves never load it: each takes only its own area's English.
 */
const translation = {
  ...commonEnglish,
  ...balanceEnglish,
  ...metaEn,
  ...billingEn,
  ...topupEn,
} satisfies Translation;

export default translation;
