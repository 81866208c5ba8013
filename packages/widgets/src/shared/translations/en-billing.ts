import type { BillingTerms } from '../billing-terms.js';
import { humanizeCode } from '../codes.js';
import { plural } from '../plural.js';

const kinds: Record<string, string> = { message: 'Message', topup: 'Top-up', payment_link: 'Payment link', adjustment: 'Adjustment' };
const kindFilters = { message: 'Messages', topup: 'Top-ups', payment_link: 'Payment links', adjustment: 'Adjustments' } as const;

const terms = {
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',

  changeThreshold: 'Change',
  changeThresholdLabel: 'Change low-balance alert',
  thresholdInput: currency => `Alert me when the balance falls below (${currency})`,
  thresholdHint: 'Leave empty to turn the alert off.',
  thresholdInvalid: example => `Enter an amount of 0 or more, like ${example}.`,
  thresholdSaved: amount => `Alert set below ${amount}.`,
  thresholdOff: 'Low-balance alert turned off.',
  thresholdForbidden: 'This session isn’t allowed to change the alert.',
  thresholdSaveFailed: 'Couldn’t save the alert.',
  runway: (days, formattedDays, spend, basisDays) =>
    days > 365
      ? `More than a year at your average spend of ${spend}/day (last ${basisDays} days)`
      : days < 1
      ? `Less than a day at your average spend of ${spend}/day (last ${basisDays} days)`
      : plural('en', days, {
          one: `About ${formattedDays} day at your average spend of ${spend}/day (last ${basisDays} days)`,
          other: `About ${formattedDays} days at your average spend of ${spend}/day (last ${basisDays} days)`,
        }),
  runwayNoSpend: basisDays => `No spend in the last ${basisDays} days`,

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

  capLabel: 'Marketing frequency cap',
  capEnable: 'Limit marketing messages per customer',
  capMaxMessages: 'Marketing messages per customer, at most',
  capWindowHours: 'Within this many hours',
  capSummary: (max, formattedMax, hours, formattedHours) =>
    `At most ${plural('en', max, { one: `${formattedMax} marketing message`, other: `${formattedMax} marketing messages` })} per customer every ${plural('en', hours, { one: `${formattedHours} hour`, other: `${formattedHours} hours` })}`,
  capOff: 'Off: customers can receive any number of your marketing messages.',
  capExplanation:
    'When the cap is on, your sending system checks it before each marketing message and skips customers who already received the maximum in the window. It protects your quality rating and keeps customers from tiring of your messages.',
  capMetaLimits:
    'Meta also limits how many marketing messages each person receives from businesses, so a message within your cap may still not be delivered.',
  capMaxInvalid: 'Enter a whole number from 1 to 100.',
  capWindowInvalid: 'Enter a whole number of hours from 1 to 720.',
  capSaved: 'Frequency cap saved.',
  capSaveFailed: 'Couldn’t save the frequency cap.',
  capLoadFailed: 'Couldn’t load the frequency cap.',
  capReadOnly: 'This session can see the frequency cap but isn’t allowed to change it.',
} satisfies BillingTerms;

export default terms;
