import type { Clock } from '../domain/clock.js';
import type { Store } from '../store/store.js';
import { coalescedBalancePushes } from './balance-pushes.js';
import type { LiveEventBus } from './live-events.js';

/**
 * Wraps a store so that every committed change of a balance or threshold publishes the account's
 * fresh `balance` live event, coalesced (see {@link coalescedBalancePushes}): after
 * `appendLedgerEntry` (not a replay), a batch of message statuses that debited the ledger, a
 * settled payment that credited it, and `updateLowBalanceThreshold` resolve, so a refused,
 * rolled-back entry publishes nothing. Every
 * other method, including those added later, passes straight through. A publishing failure is
 * reported, never turned into a failure of the change that already committed.
 */
export function publishBalanceChanges(
  store: Store,
  clock: Clock,
  bus: LiveEventBus,
  logError: (message: string, error: unknown) => void = console.error,
): Store {
  const pushes = coalescedBalancePushes({ store, clock, bus, logError });
  const publish = (accountId: string) => pushes.changed(accountId);
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
  const applyMessageStatuses: Store['applyMessageStatuses'] = async (accountId, updates) => {
    const outcomes = await store.applyMessageStatuses(accountId, updates);
    if (outcomes.some((outcome) => outcome.ok && outcome.debited)) await publish(accountId);
    return outcomes;
  };
  // A paid top-up or link is credited inside the store's own transaction: publish when it was.
  const settlePayment: Store['settlePayment'] = async (provider, providerPaymentId, decide) => {
    const result = await store.settlePayment(provider, providerPaymentId, decide);
    if (result?.credited) await publish(result.payment.accountId);
    return result;
  };
  const overrides: Partial<Store> = { appendLedgerEntry, updateLowBalanceThreshold, applyMessageStatuses, settlePayment };
  // Bound once, not on every property read: the Proxy sits on every store call of every request.
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property in overrides) return overrides[property as keyof Store];
      const cached = bound.get(property);
      if (cached !== undefined) return cached;
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      // Store implementations may keep #private state: their methods must run on the real object.
      const method = value.bind(target) as unknown;
      bound.set(property, method);
      return method;
    },
  });
}
