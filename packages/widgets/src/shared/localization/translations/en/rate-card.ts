import type { MetaTerms } from '../../meta-terms.js';
import { plural } from '../../plural.js';

/** English of `<wa-rate-card>`. */
export const rateCardEnglish = {
  rateCardLabel: 'Message prices',
  rateCardCaption: currency => `Price per delivered message, in ${currency}`,
  rateCardSearch: 'Search markets',
  rateCardCount: (count, formatted) => plural('en', count, { one: `${formatted} market`, other: `${formatted} markets` }),
  rateCardNoMatch: query => `No market matches “${query}”.`,
  rateCardEmpty: 'No prices have been set yet.',
  rateCardMarketColumn: 'Market',
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
} satisfies Partial<MetaTerms>;
