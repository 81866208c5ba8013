import type { QualityRating } from '../api/types.js';

/**
 * The terms of the widgets that show what Meta knows about the number and what messages cost: `<wa-number>`,
 * `<wa-quality>`, `<wa-quota>` and `<wa-rate-card>`. Part of {@link Translation}. Terms taking a Meta code fall
 * back to the code in words for codes they don't know.
 */
export interface MetaTerms {
  qualityRating: (rating: QualityRating) => string;
  /** What the rating means for the business. */
  qualityMeaning: (rating: QualityRating) => string;
  /** What to do about it. */
  qualityAdvice: (rating: QualityRating) => string;
  qualityChip: (rating: string) => string;

  numberLabel: string;
  numberStatus: (status: string) => string;
  nameStatus: (status: string) => string;
  noNumber: string;
  numberLoadFailed: string;

  qualityLabel: string;
  refresh: string;
  qualityStale: (time: string) => string;
  qualityStaleNoTime: string;
  /** An explicit refresh could not read Meta: the rating shown is the last one known. */
  qualityRefreshFailed: (time: string) => string;
  qualityRefreshFailedNoTime: string;
  qualityChecked: (time: string) => string;
  qualityPolicyLink: string;
  opensInNewTab: string;
  qualityHistoryLabel: string;
  qualityHistoryEmpty: string;
  qualityEvent: (event: string) => string;
  historyTier: (tier: string) => string;
  qualityLoadFailed: string;

  quotaLabel: string;
  quotaLimit: (count: string, hours: string) => string;
  quotaUnlimited: string;
  quotaNotSet: string;
  quotaShared: string;
  quotaStale: (time: string) => string;
  quotaStaleNoTime: string;
  /** An explicit refresh could not read Meta: the limit shown is the last one known. */
  quotaRefreshFailed: (time: string) => string;
  quotaRefreshFailedNoTime: string;
  quotaLoadFailed: string;
  usageButton: string;
  usageLabel: string;
  usageOf: (used: string, limit: string) => string;
  usageCount: (count: number, formatted: string) => string;
  usageHeadroom: (remaining: number, formatted: string) => string;
  usageLimitReached: string;
  usageProjection: (pace: number, formattedPace: string, time: string) => string;
  usageByNumber: string;
  usageNumberColumn: string;
  usageCustomersColumn: string;
  usageUnnamedNumber: string;
  usageLoadFailed: string;

  rateCardLabel: string;
  rateCardCaption: (currency: string) => string;
  rateCardSearch: string;
  rateCardCount: (count: number, formatted: string) => string;
  rateCardNoMatch: (query: string) => string;
  rateCardEmpty: string;
  rateCardMarketColumn: string;
  pricingCategory: (category: string) => string;
  /** Names of Meta's regional markets (`REST_OF_AFRICA`…); countries are named by `Intl.DisplayNames`. */
  marketName: (code: string, fallback: string) => string;
  noPrice: string;
  rateCardLoadFailed: string;
  estimatorLabel: string;
  estimatorHint: string;
  estimatorMarket: string;
  estimatorCategory: string;
  estimatorAudience: string;
  estimatorCost: string;
  estimatorRow: (row: number) => string;
  estimatorAddRow: string;
  estimatorRemoveRow: (row: number) => string;
  estimatorInvalidAudience: string;
  estimatorNoPrice: string;
  estimatorTotal: (amount: string) => string;
  estimatorCovered: (balance: string) => string;
  estimatorShortfall: (missing: string) => string;
  estimatorBalanceUnavailable: string;
}
