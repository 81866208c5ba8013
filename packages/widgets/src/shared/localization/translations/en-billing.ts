import type { BillingTerms } from '../billing-terms.js';
import { formEnglish } from './en/forms.js';
import { frequencyCapEnglish } from './en/frequency-cap.js';
import { statementEnglish } from './en/statement.js';
import { thresholdEnglish } from './en/threshold.js';
import { thresholdFormEnglish } from './en/threshold-form.js';

/**
 * English terms of `<wa-statement>`, `<wa-frequency-cap>` and the alert and runway of `<wa-balance>`, whole. The
 * widgets import the pieces of `en/` they show instead.
 */
const terms = { ...formEnglish, ...thresholdEnglish, ...thresholdFormEnglish, ...statementEnglish, ...frequencyCapEnglish } satisfies BillingTerms;

export default terms;
