import type { Clock } from '../domain/clock.js';
import { balancePayload } from '../routes/balance-payload.js';
import type { Store } from '../store/store.js';
import type { LiveEventBus } from './live-events.js';

/**
 * Wraps a store so that every committed change of a balance or threshold publishes the account's
 * fresh `balance` live event: after `appendLedgerEntry` (not a replay), a message status that
 * debited the ledger, a settled payment that credited it, and `updateLowBalanceThreshold` resolve, so a refused, rolled-back entry publishes nothing. Every
 * other method, including those added later, passes straight through. A publishing failure is
 * reported, never turned into a failure of the change that already committed.
 */
export function publishBalanceChanges(
  store: Store,
  clock: Clock,
  bus: LiveEventBus,
  logError: (message: string, error: unknown) => void = console.error,
): Store {
  const publish = async (accountId: string) => {
    if (!bus.hasSubscribers(accountId)) return;
    try {
      const account = await store.getAccount(accountId);
      if (account) bus.publish(accountId, { type: 'balance', data: await balancePayload(store, clock, account) });
    } catch (error) {
      logError(`publishing the balance of ${accountId} failed`, error);
    }
  };
  const appendLedgerEntry: Store['appendLedgerEntry'] = async (entry, policy, options) => {
    const result = await store.appendLedgerEntry(entry, policy, options);
    if (!result.replayed) await publish(entry.accountId);
    return result;
  };
  const updateLowBalanceThreshold: Store['updateLowBalanceThreshold'] = async (id, threshold, at) => {
    const account = await store.updateLowBalanceThreshold(id, threshold, at);
    if (account) await publish(id);
    return account;
  };
  // A delivered message's debit is appended inside the store's own transaction: publish when one was.
  const applyMessageStatus: Store['applyMessageStatus'] = async (accountId, wamid, decide) => {
    let debited = false;
    const charge = await store.applyMessageStatus(accountId, wamid, (current) => {
      const write = decide(current);
      debited = write?.ledgerEntry != null;
      return write;
    });
    if (debited) await publish(accountId);
    return charge;
  };
  // A paid top-up or link is credited inside the store's own transaction: publish when it was.
  const settlePayment: Store['settlePayment'] = async (provider, providerPaymentId, decide) => {
    const result = await store.settlePayment(provider, providerPaymentId, decide);
    if (result?.credited) await publish(result.payment.accountId);
    return result;
  };
  const overrides: Partial<Store> = { appendLedgerEntry, updateLowBalanceThreshold, applyMessageStatus, settlePayment };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property in overrides) return overrides[property as keyof Store];
      const value: unknown = Reflect.get(target, property, receiver);
      // Store implementations may keep #private state: their methods must run on the real object.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
