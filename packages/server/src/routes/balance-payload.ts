import type { Account } from '../domain/accounts.js';
import type { Clock } from '../domain/clock.js';
import { accountRunway } from '../domain/runway.js';
import type { Store } from '../store/store.js';
import type { BalanceJson } from './representations.js';
import { balanceJson } from './representations.js';
import { jsonPerState, type SerializedJson } from './serialized-json.js';

/** The `GET /v1/balance` payload of an account as it is now: balance, low-balance state and runway. */
export async function balancePayload(store: Store, clock: Clock, account: Account): Promise<BalanceJson> {
  return balanceJson(account, await accountRunway(store, clock, account));
}

/** The balance JSON per account state: the account (the memo's object) and its runway. */
const balanceText = jsonPerState(balanceJson);

/** {@link balancePayload}, serialized; kept while the account and its runway are unchanged (see jsonPerState). */
export async function balancePayloadText(store: Store, clock: Clock, account: Account): Promise<SerializedJson<BalanceJson>> {
  return balanceText(account, await accountRunway(store, clock, account));
}
