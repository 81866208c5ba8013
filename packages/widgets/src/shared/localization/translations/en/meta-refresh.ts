import type { MetaTerms } from '../../meta-terms.js';

/** Asking Meta again, in `<wa-quality>` and `<wa-quota>`. */
export const refreshEnglish = {
  refresh: 'Refresh',
} satisfies Partial<MetaTerms>;
