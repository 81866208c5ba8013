import { humanizeCode } from '../../codes.js';
import type { MetaTerms } from '../../meta-terms.js';
import type { QualityRating } from '../../../api/types.js';

const ratings: Record<QualityRating, string> = { GREEN: 'High', YELLOW: 'Medium', RED: 'Low', UNKNOWN: 'Not yet rated' };

/** The quality rating's name, shown by `<wa-quality>` and `<wa-number>`. */
export const ratingEnglish = {
  qualityRating: rating => ratings[rating] ?? humanizeCode(rating),
  qualityChip: rating => `Quality: ${rating}`,
} satisfies Partial<MetaTerms>;
