import type { ApiError } from './api-client.js';
import type { FrequencyCap, Money, PaymentLink, QualityRating, Topup } from './types.js';

/** The `detail` of every event the widgets dispatch, keyed by event name. */
export interface WidgetEventDetails {
  'wa-balance-low': { balance: Money; threshold: Money | null };
  'wa-session-expired': { error: ApiError };
  'wa-request-failed': { error: ApiError };
  'wa-quality-changed': { rating: QualityRating; previous: QualityRating | null };
  'wa-usage-near-limit': { unique_customers: number; limit: number; remaining: number };
  'wa-campaign-estimated': { total: Money; balance: Money | null; shortfall: Money | null };
  'wa-threshold-changed': { threshold: Money | null };
  'wa-frequency-cap-saved': { cap: FrequencyCap };
  'wa-statement-downloaded': { filename: string };
  'wa-topup-succeeded': { topup: Topup };
  'wa-payment-link-created': { link: PaymentLink };
  'wa-add-credits-requested': Record<string, never>;
}

export type WidgetEventName = keyof WidgetEventDetails;

/** Fired by `<wa-balance>` when the balance it loads is below the account's low-balance threshold. */
export type WaBalanceLowEvent = CustomEvent<WidgetEventDetails['wa-balance-low']>;
/** Fired when the client secret expired and could not be renewed. */
export type WaSessionExpiredEvent = CustomEvent<WidgetEventDetails['wa-session-expired']>;
/** Fired when a request to the API failed for any other reason. */
export type WaRequestFailedEvent = CustomEvent<WidgetEventDetails['wa-request-failed']>;
/** Fired by `<wa-quality>` when the rating it shows changes, and on its first load (`previous: null`). */
export type WaQualityChangedEvent = CustomEvent<WidgetEventDetails['wa-quality-changed']>;
/** Fired by `<wa-quota>` when loaded usage has 10 % or less of the limit left. */
export type WaUsageNearLimitEvent = CustomEvent<WidgetEventDetails['wa-usage-near-limit']>;
/**
 * Fired by `<wa-rate-card>` when the campaign estimate changes: the exact total, the balance it was compared
 * with (`null` if unknown or in another currency), and what is missing (`null` when covered or unknown).
 */
export type WaCampaignEstimatedEvent = CustomEvent<WidgetEventDetails['wa-campaign-estimated']>;

/** Fired by `<wa-balance>` when the person saved a new low-balance alert threshold (`null`: alert off). */
export type WaThresholdChangedEvent = CustomEvent<WidgetEventDetails['wa-threshold-changed']>;
/** Fired by `<wa-frequency-cap>` when the server saved the cap. */
export type WaFrequencyCapSavedEvent = CustomEvent<WidgetEventDetails['wa-frequency-cap-saved']>;
/** Fired by `<wa-statement>` when the CSV export was handed to the browser as a download. */
export type WaStatementDownloadedEvent = CustomEvent<WidgetEventDetails['wa-statement-downloaded']>;
/** Fired by `<wa-topup>` once when a top-up it started is paid. */
export type WaTopupSucceededEvent = CustomEvent<WidgetEventDetails['wa-topup-succeeded']>;
/** Fired by `<wa-topup>` when it created a payment link. */
export type WaPaymentLinkCreatedEvent = CustomEvent<WidgetEventDetails['wa-payment-link-created']>;
/** Fired (cancelable) by `<wa-balance topup>` when its "Add credits" button is pressed; cancel it to open your own flow. */
export type WaAddCreditsRequestedEvent = CustomEvent<WidgetEventDetails['wa-add-credits-requested']>;

declare global {
  interface HTMLElementEventMap {
    'wa-balance-low': WaBalanceLowEvent;
    'wa-session-expired': WaSessionExpiredEvent;
    'wa-request-failed': WaRequestFailedEvent;
    'wa-quality-changed': WaQualityChangedEvent;
    'wa-usage-near-limit': WaUsageNearLimitEvent;
    'wa-campaign-estimated': WaCampaignEstimatedEvent;
    'wa-threshold-changed': WaThresholdChangedEvent;
    'wa-frequency-cap-saved': WaFrequencyCapSavedEvent;
    'wa-statement-downloaded': WaStatementDownloadedEvent;
    'wa-topup-succeeded': WaTopupSucceededEvent;
    'wa-payment-link-created': WaPaymentLinkCreatedEvent;
    'wa-add-credits-requested': WaAddCreditsRequestedEvent;
  }
}
