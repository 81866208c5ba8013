/** The shortest time between two `balance` pushes of one account, by default. */
export const BALANCE_PUSH_INTERVAL_MS = 250;

/** Hears that accounts' balances (or thresholds) changed and has them pushed, coalesced. */
export interface CoalescedPushes {
  /** Call once the change has committed. */
  changed(accountId: string): void;
  /** Forgets the pushes still held back, and their timers. */
  stop(): void;
}

/**
 * Coalesces an account's `balance` pushes: the first change of an account is pushed at once;
 * changes within the next {@link BALANCE_PUSH_INTERVAL_MS} are pushed together, once, when it ends
 * (`push` then reads the balance as it is by then). A burst of charged messages is one read of the
 * account and its runway and one SSE frame per interval, not one per message.
 */
export function coalescedPushes(push: (accountId: string) => void, intervalMs = BALANCE_PUSH_INTERVAL_MS): CoalescedPushes {
  /** Accounts pushed within the interval, and whether another change came since. */
  const recent = new Map<string, { again: boolean; timer: ReturnType<typeof setTimeout> }>();

  const open = (accountId: string) => {
    const timer = setTimeout(() => closeInterval(accountId), intervalMs);
    timer.unref();
    recent.set(accountId, { again: false, timer });
  };
  const closeInterval = (accountId: string) => {
    const state = recent.get(accountId);
    recent.delete(accountId);
    if (!state?.again) return;
    // Push what came during the interval, and hold the next changes for one more interval.
    open(accountId);
    push(accountId);
  };

  return {
    changed(accountId) {
      const state = recent.get(accountId);
      if (state) {
        state.again = true;
        return;
      }
      open(accountId);
      push(accountId);
    },
    stop() {
      for (const { timer } of recent.values()) clearTimeout(timer);
      recent.clear();
    },
  };
}
