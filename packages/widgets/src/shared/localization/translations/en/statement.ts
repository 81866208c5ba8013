import type { BillingTerms } from '../../billing-terms.js';
import { humanizeCode } from '../../codes.js';
import { plural } from '../../plural.js';

const kinds: Record<string, string> = { message: 'Message', topup: 'Top-up', payment_link: 'Payment link', adjustment: 'Adjustment' };
const kindFilters = { message: 'Messages', topup: 'Top-ups', payment_link: 'Payment links', adjustment: 'Adjustments' } as const;

/** English of `<wa-statement>`. */
export const statementEnglish = {
  statementLabel: 'Messaging credit statement',
  statementCaption: (from, to) => `Transactions from ${from} to ${to}`,
  statementFilters: 'Filter the statement',
  statementFrom: 'From',
  statementTo: 'To',
  statementRangeInvalid: 'The end date must be on or after the start date.',
  statementType: 'Type',
  statementTypeAll: 'Credits and debits',
  statementTypeCredits: 'Credits',
  statementTypeDebits: 'Debits',
  statementKind: 'Kind',
  statementKindAll: 'All kinds',
  statementKindFilter: kind => kindFilters[kind],
  statementKindName: kind => kinds[kind] ?? humanizeCode(kind),
  statementDateColumn: 'Date',
  statementDescriptionColumn: 'Description',
  statementTypeColumn: 'Type',
  statementAmountColumn: 'Amount',
  statementBalanceColumn: 'Balance after',
  statementTimesNote: 'Days and times are in UTC.',
  credit: 'Credit',
  debit: 'Debit',
  statementOpening: 'Opening balance',
  statementClosing: 'Closing balance',
  statementDayTotals: (credits, debits) => `Credits ${credits} · Debits ${debits}`,
  statementEmpty: 'No transactions in this period',
  statementUnpriced: (count, formatted) =>
    plural('en', count, {
      one: `${formatted} delivered message had no price on your rate card and was not charged.`,
      other: `${formatted} delivered messages had no price on your rate card and were not charged.`,
    }),
  statementLoadFailed: 'Couldn’t load the statement.',
  statementLoadMore: 'Load more',
  statementLoadedMore: (count, formatted) =>
    plural('en', count, { one: `${formatted} more transaction loaded.`, other: `${formatted} more transactions loaded.` }),
  statementAllLoaded: 'All transactions of this period are shown.',
  statementLoadMoreFailed: 'Couldn’t load more transactions.',
  statementNewEntries: 'New transactions',
  statementShowNew: 'Show',
  statementDownload: 'Download CSV',
  statementDownloading: 'Preparing the download…',
  statementDownloaded: filename => `Downloaded ${filename}`,
  statementDownloadFailed: 'Couldn’t download the statement.',
  statementExportForbidden: 'Downloading the statement isn’t enabled for this session. Ask your provider to allow exports.',
} satisfies Partial<BillingTerms>;
