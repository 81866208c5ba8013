import type { WaBalance } from './balance/balance.js';
import type { WaFrequencyCap } from './frequency-cap/frequency-cap.js';
import type { WaNumber } from './number/number.js';
import type { WaQuality } from './quality/quality.js';
import type { WaQuota } from './quota/quota.js';
import type { WaRateCard } from './rate-card/rate-card.js';
import type { WaSession } from './session/session.js';
import type { WaStatement } from './statement/statement.js';
import type { WaTopup } from './topup/topup.js';

/** Every widget by its default tag; each entry of the package declares them in `HTMLElementTagNameMap`. */
export interface WidgetTagNameMap {
  'wa-session': WaSession;
  'wa-balance': WaBalance;
  'wa-number': WaNumber;
  'wa-quality': WaQuality;
  'wa-quota': WaQuota;
  'wa-rate-card': WaRateCard;
  'wa-statement': WaStatement;
  'wa-frequency-cap': WaFrequencyCap;
  'wa-topup': WaTopup;
}

/** A default tag name of a widget. */
export type WidgetTagName = keyof WidgetTagNameMap;

declare global {
  interface HTMLElementTagNameMap extends WidgetTagNameMap {}
}
