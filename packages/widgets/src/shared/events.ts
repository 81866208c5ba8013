import type { ApiError } from './api-client.js';
import type { Money } from './types.js';

/** The `detail` of every event the widgets dispatch, keyed by event name. */
export interface WidgetEventDetails {
  'wa-balance-low': { balance: Money; threshold: Money | null };
  'wa-session-expired': { error: ApiError };
  'wa-request-failed': { error: ApiError };
}

export type WidgetEventName = keyof WidgetEventDetails;

/** Fired by `<wa-balance>` when the balance it loads is below the account's low-balance threshold. */
export type WaBalanceLowEvent = CustomEvent<WidgetEventDetails['wa-balance-low']>;
/** Fired when the client secret expired and could not be renewed. */
export type WaSessionExpiredEvent = CustomEvent<WidgetEventDetails['wa-session-expired']>;
/** Fired when a request to the API failed for any other reason. */
export type WaRequestFailedEvent = CustomEvent<WidgetEventDetails['wa-request-failed']>;

declare global {
  interface HTMLElementEventMap {
    'wa-balance-low': WaBalanceLowEvent;
    'wa-session-expired': WaSessionExpiredEvent;
    'wa-request-failed': WaRequestFailedEvent;
  }
}
