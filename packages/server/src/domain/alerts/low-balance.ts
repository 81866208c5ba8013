import type { HostEvent } from '../host-events/host-event.js';
import { newHostEvent } from '../host-events/host-event.js';
import { formatAmount } from '../money.js';

/** What decides the low-balance alert of an account, as it is after a change. */
export interface LowBalanceAlertState {
  readonly thresholdMicros: bigint | null;
  readonly balanceMicros: bigint;
  /** True until the alert fires; false while the account is low and the host has been told. */
  readonly armed: boolean;
}

/** Whether the alert stays armed, and whether to send `balance.low` now. */
export interface LowBalanceAlertDecision {
  readonly armed: boolean;
  readonly fire: boolean;
}

/**
 * The one rule of the low-balance alert, applied in the transaction of every ledger append and of
 * every threshold change:
 * - balance below the threshold while armed → fire `balance.low` and disarm (once per crossing:
 *   the next debits find it disarmed);
 * - balance at or above the threshold, or no threshold → armed again.
 *
 * So setting a threshold above the current balance fires at once (the user asked to be told when
 * the balance is below it, and it is), unless the host was already told about this low spell;
 * clearing the threshold re-arms.
 */
export function evaluateLowBalanceAlert(state: LowBalanceAlertState): LowBalanceAlertDecision {
  if (state.thresholdMicros === null || state.balanceMicros >= state.thresholdMicros) return { armed: true, fire: false };
  return { armed: false, fire: state.armed };
}

/** What caused a `balance.low` event. */
export interface BalanceLowCause {
  readonly accountId: string;
  readonly currency: string;
  readonly balanceMicros: bigint;
  readonly thresholdMicros: bigint;
  /** The ledger entry that crossed the threshold; null when the threshold was raised above the balance. */
  readonly ledgerEntryId: string | null;
  readonly at: Date;
}

/** The `balance.low` host event: `data` = `{balance, threshold, ledger_entry_id}`. */
export function balanceLowEvent(cause: BalanceLowCause): HostEvent {
  return newHostEvent(
    'balance.low',
    cause.accountId,
    {
      balance: { amount: formatAmount(cause.balanceMicros), currency: cause.currency },
      threshold: { amount: formatAmount(cause.thresholdMicros), currency: cause.currency },
      ledger_entry_id: cause.ledgerEntryId,
    },
    cause.at,
  );
}
