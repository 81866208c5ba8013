import { humanizeCode } from '../../codes.js';
import type { MetaTerms } from '../../meta-terms.js';

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

/** Market and pricing-category names, shown by `<wa-rate-card>` and `<wa-statement>`. */
export const marketEnglish = {
  pricingCategory: category => categories[category] ?? humanizeCode(category),
  marketName: (code, fallback) => markets[code] ?? fallback,
} satisfies Partial<MetaTerms>;
