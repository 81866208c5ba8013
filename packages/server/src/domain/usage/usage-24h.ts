import type { Account } from '../accounts.js';
import type { Clock } from '../clock.js';
import { usagePortfolioKey } from '../billing/message-charge.js';
import type { Store } from '../../store/store.js';
import type { LimitSource } from './limit-source.js';

const HOUR_MS = 3600 * 1000;
const WINDOW_HOURS = 24;
const WINDOW_MS = WINDOW_HOURS * HOUR_MS;

/** Last-24h usage of the messaging limit, as `GET /v1/usage/24h` reports it. */
export interface Usage24h {
  readonly uniqueCustomers: number;
  readonly limit: number | null;
  readonly unlimited: boolean;
  readonly remaining: number | null;
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly newCustomersLastHour: number;
  readonly projectedLimitReachedAt: Date | null;
  readonly byNumber: readonly { readonly account: Account; readonly uniqueCustomers: number }[];
}

/**
 * Unique customers reached by business-initiated deliveries in the rolling 24 h ending now (the
 * current whole second),
 * shared by every number of the account's business portfolio (just the account without one).
 * Counted from the usage tables' roll-up, in about the same time at any number of recipients, never
 * from the message history. The projection assumes the last hour's pace of new customers goes on.
 */
export async function usageLast24h(store: Store, clock: Clock, account: Account, limitOf: LimitSource): Promise<Usage24h> {
  // The window ends at the current whole second: every read within one second asks the same
  // question, which the store may answer from memory until the next charge (the SQLite read memo).
  const now = new Date(Math.floor(clock.now().getTime() / 1000) * 1000);
  const since = new Date(now.getTime() - WINDOW_MS);
  const accounts = account.businessPortfolioId ? await store.listAccountsInPortfolio(account.businessPortfolioId) : [account];
  const counts = await store.countUsage({
    portfolioKey: usagePortfolioKey(account),
    accountIds: accounts.map((each) => each.id),
    since,
    newSince: new Date(now.getTime() - HOUR_MS),
  });
  const { limit, unlimited } = await limitOf(account);
  const remaining = limit === null || unlimited ? null : Math.max(0, limit - counts.uniqueCustomers);
  return {
    uniqueCustomers: counts.uniqueCustomers,
    limit: unlimited ? null : limit,
    unlimited,
    remaining,
    windowStart: since,
    windowEnd: now,
    newCustomersLastHour: counts.newCustomers,
    projectedLimitReachedAt: projectLimit(now, remaining, counts.newCustomers),
    byNumber: accounts.map((each) => ({ account: each, uniqueCustomers: counts.byAccount.get(each.id) ?? 0 })),
  };
}

function projectLimit(now: Date, remaining: number | null, perHour: number): Date | null {
  if (remaining === null) return null;
  if (remaining === 0) return now;
  if (perHour === 0) return null;
  const hours = remaining / perHour;
  // The window rolls: customers older than 24 h drop out while new ones come in, so a pace that
  // needs more than a window to use the headroom settles below the limit and never reaches it.
  if (hours >= WINDOW_HOURS) return null;
  return new Date(now.getTime() + Math.ceil(hours * HOUR_MS));
}
