import type { Account } from '../domain/accounts.js';
import type { Clock } from '../domain/clock.js';
import { accountRunway } from '../domain/runway.js';
import type { Store } from '../store/store.js';
import type { BalanceJson } from './representations.js';
import { balanceJson } from './representations.js';

/** The `GET /v1/balance` payload of an account as it is now: balance, low-balance state and runway. */
export async function balancePayload(store: Store, clock: Clock, account: Account): Promise<BalanceJson> {
  return balanceJson(account, await accountRunway(store, clock, account));
}
