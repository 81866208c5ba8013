import type { Account } from './accounts.js';
import type { Clock } from './clock.js';
import type { Store } from '../store/store.js';

/** How many days of spend the window looks back on: today (UTC) and the six days before it. */
export const RUNWAY_BASIS_DAYS = 7;

const DAY_MS = 86_400_000;

/** How long the balance lasts at the recent pace of spending. */
export interface Runway {
  /** Whole days the balance covers at the average daily spend; null when nothing was spent. */
  readonly days: number | null;
  /** Spend over the basis window ÷ its days, rounded down, in micro-units. */
  readonly averageDailySpendMicros: bigint;
  readonly basisDays: typeof RUNWAY_BASIS_DAYS;
}

/**
 * The runway from the spend of the last {@link RUNWAY_BASIS_DAYS} days. Spend is what messages
 * cost (debits of kind `message`): operator adjustments are corrections, not consumption, and
 * counting them would make one refund-reversal look like a spending spree. Integer arithmetic
 * throughout: `days = ⌊balance × 7 ÷ spend⌋` (exact, so even a tiny spend gives a figure), never
 * below zero.
 */
export function computeRunway(balanceMicros: bigint, spendMicros: bigint): Runway {
  const basisDays = RUNWAY_BASIS_DAYS;
  const averageDailySpendMicros = spendMicros / BigInt(basisDays);
  if (spendMicros <= 0n) return { days: null, averageDailySpendMicros: 0n, basisDays };
  const days = balanceMicros <= 0n ? 0n : (balanceMicros * BigInt(basisDays)) / spendMicros;
  return { days: Number(days), averageDailySpendMicros, basisDays };
}

/**
 * Reads an account's message spend over the basis window, the last {@link RUNWAY_BASIS_DAYS} UTC
 * calendar days (today included, so far), and computes its runway. Whole days, because the spend
 * comes from the ledger's daily roll-up: the read costs the same at ten entries a week as at a
 * million a day, where summing the entries themselves read every one of them on every balance read.
 */
export async function accountRunway(store: Store, clock: Clock, account: Account): Promise<Runway> {
  const today = Math.floor(clock.now().getTime() / DAY_MS);
  const spend = await store.sumDailyDebits(account.id, 'message', today - RUNWAY_BASIS_DAYS + 1, today);
  return computeRunway(account.balanceMicros, spend);
}
