import type { Clock } from '../clock.js';
import type { LiveEventBus } from '../../live/live-events.js';
import type { PaymentProvider } from '../../providers/payments/provider.js';
import type { Store } from '../../store/store.js';

/** What the top-up, payment-link and webhook flows share. */
export interface PaymentsDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** The provider new checkouts are opened with (`WA_PAYMENTS`). */
  readonly provider: PaymentProvider;
  /** Where the `topup` live event is published once a payment has credited an account. */
  readonly liveEvents: LiveEventBus;
  /** Where events that need a person are reported (amount mismatches, unknown payments). */
  readonly logWarning: (message: string, error?: unknown) => void;
}

/** How long a top-up's checkout stays payable. */
export const CHECKOUT_TTL_MS = 24 * 3_600_000;
