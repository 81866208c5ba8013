import type { Clock } from '../domain/clock.js';
import { balancePayload } from '../routes/balance-payload.js';
import type { Store } from '../store/store.js';
import type { LiveEventBus } from './live-events.js';

/** The shortest time between two `balance` pushes of one account, by default. */
export const BALANCE_PUSH_INTERVAL_MS = 250;

/** Hears that an account's balance (or threshold) changed and pushes it to the account's widgets. */
export interface BalancePushes {
  /** Call after the change has committed; resolves once a push it triggered at once is out. */
  changed(accountId: string): Promise<void>;
}

/**
 * Coalesced `balance` pushes: the first change of an account is pushed at once; changes within the
 * next {@link BALANCE_PUSH_INTERVAL_MS} are pushed together, once, when it ends, with the balance as
 * it is then. A burst of charged messages is one read of the account and its runway and one SSE
 * frame per interval, not one per message. Nothing is read when nobody listens. A failure is
 * reported, never turned into a failure of the change that already committed.
 */
export function coalescedBalancePushes(
  deps: { store: Store; clock: Clock; bus: LiveEventBus; logError: (message: string, error: unknown) => void },
  intervalMs = BALANCE_PUSH_INTERVAL_MS,
): BalancePushes {
  const { store, clock, bus, logError } = deps;
  /** Accounts pushed within the interval, and whether another change came since. */
  const recent = new Map<string, { again: boolean }>();

  const push = async (accountId: string) => {
    if (!bus.hasSubscribers(accountId)) return;
    try {
      const account = await store.getAccount(accountId);
      if (account) bus.publish(accountId, { type: 'balance', data: await balancePayload(store, clock, account) });
    } catch (error) {
      logError(`publishing the balance of ${accountId} failed`, error);
    }
  };
  const closeInterval = (accountId: string) => {
    const state = recent.get(accountId);
    if (!state?.again) {
      recent.delete(accountId);
      return;
    }
    // Push what came during the interval, and hold the next changes for one more interval.
    state.again = false;
    setTimeout(() => closeInterval(accountId), intervalMs).unref();
    void push(accountId);
  };

  return {
    async changed(accountId) {
      if (!bus.hasSubscribers(accountId)) return;
      const state = recent.get(accountId);
      if (state) {
        state.again = true;
        return;
      }
      recent.set(accountId, { again: false });
      setTimeout(() => closeInterval(accountId), intervalMs).unref();
      await push(accountId);
    },
  };
}
