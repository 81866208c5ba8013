import type { StatementKind } from '../api/types.js';

/**
 * The terms of the billing widgets of issue 5: `<wa-statement>`, `<wa-frequency-cap>` and the low-balance alert
 * and runway of `<wa-balance>`. Part of {@link Translation}, one file per language (`translations/<code>-billing.ts`).
 */
export interface BillingTerms {
  save: string;
  saving: string;
  cancel: string;

  changeThreshold: string;
  /** The accessible name of the Change button; must contain the visible word. */
  changeThresholdLabel: string;
  thresholdInput: (currency: string) => string;
  thresholdHint: string;
  thresholdInvalid: (example: string) => string;
  thresholdSaved: (amount: string) => string;
  thresholdOff: string;
  thresholdForbidden: string;
  thresholdSaveFailed: string;
  runway: (days: number, formattedDays: string, spend: string, basisDays: number) => string;
  runwayNoSpend: (basisDays: number) => string;

  statementLabel: string;
  statementCaption: (from: string, to: string) => string;
  statementFilters: string;
  statementFrom: string;
  statementTo: string;
  statementRangeInvalid: string;
  statementType: string;
  statementTypeAll: string;
  statementTypeCredits: string;
  statementTypeDebits: string;
  statementKind: string;
  statementKindAll: string;
  /** The plural of a kind, for the filter ("Top-ups"). */
  statementKindFilter: (kind: StatementKind) => string;
  /** One entry's kind ("Top-up"). */
  statementKindName: (kind: string) => string;
  statementDateColumn: string;
  statementDescriptionColumn: string;
  statementTypeColumn: string;
  statementAmountColumn: string;
  statementBalanceColumn: string;
  statementTimesNote: string;
  credit: string;
  debit: string;
  statementOpening: string;
  statementClosing: string;
  statementDayTotals: (credits: string, debits: string) => string;
  statementEmpty: string;
  /** Delivered messages of the range that had no price on the rate card, so were not charged. */
  statementUnpriced: (count: number, formatted: string) => string;
  statementLoadFailed: string;
  statementLoadMore: string;
  /** A whole sentence, with its full stop: "All loaded" may follow it. */
  statementLoadedMore: (count: number, formatted: string) => string;
  statementAllLoaded: string;
  statementLoadMoreFailed: string;
  /** Said instead of reloading when new transactions arrived while several pages are shown. */
  statementNewEntries: string;
  statementShowNew: string;
  statementDownload: string;
  statementDownloading: string;
  statementDownloaded: (filename: string) => string;
  statementDownloadFailed: string;
  statementExportForbidden: string;

  capLabel: string;
  capEnable: string;
  capMaxMessages: string;
  capWindowHours: string;
  capSummary: (max: number, formattedMax: string, hours: number, formattedHours: string) => string;
  capOff: string;
  capExplanation: string;
  capMetaLimits: string;
  capMaxInvalid: string;
  capWindowInvalid: string;
  capSaved: string;
  capSaveFailed: string;
  capLoadFailed: string;
  capReadOnly: string;
}
