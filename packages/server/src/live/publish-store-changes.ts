import type { Account } from '../domain/accounts.js';
import { formatAmount } from '../domain/money.js';
import type { Payment } from '../domain/payments/payment.js';
import type { StoreChange, StoreChanges } from '../store/changes.js';
import type { Store } from '../store/store.js';
import { coalescedPushes } from './balance-pushes.js';
import type { LiveEvent, LiveEventBus, LivePayload, TopupLivePayload } from './live-events.js';

/** What {@link publishStoreChanges} needs; the payloads are the HTTP layer's, passed in. */
export interface StoreChangePublishing {
  readonly store: Store;
  readonly bus: LiveEventBus;
  /** The `GET /v1/balance` payload of an account as it is now. */
  readonly balanceOf: (account: Account) => Promise<LivePayload>;
  /** The `GET /v1/quality` and `GET /v1/quota` payloads of an account as they are now. */
  readonly phoneStatusOf: (account: Account) => Promise<{ quality: LivePayload; quota: LivePayload }>;
  readonly logError: (message: string, error: unknown) => void;
  /** The shortest time between two `balance` pushes of one account (see {@link coalescedPushes}). */
  readonly balanceIntervalMs?: number | undefined;
}

/**
 * Turns the store's committed changes into the live events of the accounts' open widgets: a ledger
 * entry or a threshold publishes the fresh `balance`, a credited payment its `topup`, a quality or
 * limit change the fresh `quality` and `quota`. Whichever instance made the change, every instance
 * hears it (on PostgreSQL), so a widget sees a charge handled elsewhere. Events of one account go
 * out in the order of its changes, except that `balance` pushes are coalesced: the first at once,
 * the changes of the next 250 ms in one push when they end, so a burst of charged messages is one
 * balance read per interval. After a gap in the changes (see {@link StoreChanges.onGap}), every
 * account with an open widget gets its balance, quality and quota afresh. Returns the function that
 * stops publishing.
 */
export function publishStoreChanges(deps: StoreChangePublishing): () => void {
  const { store, bus, logError } = deps;
  const queues = new Map<string, { tail: Promise<void>; balanceQueued: boolean }>();

  const enqueue = (accountId: string, task: () => Promise<LiveEvent[]>, isBalance = false) => {
    let queue = queues.get(accountId);
    if (!queue) queues.set(accountId, (queue = { tail: Promise.resolve(), balanceQueued: false }));
    // A balance read that has not started yet will see this change too.
    if (isBalance && queue.balanceQueued) return;
    if (isBalance) queue.balanceQueued = true;
    const current = queue;
    const next = current.tail
      .then(async () => {
        if (isBalance) current.balanceQueued = false;
        for (const event of await task()) bus.publish(accountId, event);
      })
      .catch((error: unknown) => logError(`publishing a live event of ${accountId} failed`, error));
    current.tail = next;
    void next.then(() => {
      if (queues.get(accountId) === current && current.tail === next) queues.delete(accountId);
    });
  };

  const withAccount = async (accountId: string, build: (account: Account) => Promise<LiveEvent[]>) => {
    const account = await store.getAccount(accountId);
    return account ? build(account) : [];
  };

  const balancePushes = coalescedPushes((accountId) => {
    // A held-back push goes out later: its widgets may have gone by then.
    if (!bus.hasSubscribers(accountId)) return;
    enqueue(accountId, () => withAccount(accountId, async (account) => [{ type: 'balance', data: await deps.balanceOf(account) }]), true);
  }, deps.balanceIntervalMs);

  const handle = (change: StoreChange) => {
    if (!bus.hasSubscribers(change.accountId)) return;
    switch (change.kind) {
      case 'ledger':
      case 'threshold':
        balancePushes.changed(change.accountId);
        return;
      case 'payment_credited':
        enqueue(change.accountId, async () => {
          const payment = await store.getPayment(change.paymentId);
          return payment ? [{ type: 'topup', data: topupPayload(payment) }] : [];
        });
        return;
      case 'phone_status':
        enqueue(change.accountId, () =>
          withAccount(change.accountId, async (account) => {
            const { quality, quota } = await deps.phoneStatusOf(account);
            return [
              { type: 'quality', data: quality },
              { type: 'quota', data: quota },
            ];
          }),
        );
        return;
    }
  };
  const unsubscribe = store.changes.subscribe(handle);
  // Changes may have gone unheard: every open widget gets its balance, quality and quota afresh.
  const stopHearingGaps = store.changes.onGap(() => {
    for (const accountId of bus.subscribedAccounts()) {
      handle({ kind: 'ledger', accountId });
      handle({ kind: 'phone_status', accountId });
    }
  });
  return () => {
    unsubscribe();
    stopHearingGaps();
    balancePushes.stop();
  };
}

/** The `topup` event of a credited payment: the top-up, or the link it paid. */
function topupPayload(payment: Payment): TopupLivePayload {
  const isTopup = payment.purpose === 'topup';
  return {
    id: isTopup ? payment.id : (payment.linkId ?? payment.id),
    status: 'succeeded',
    amount: { amount: formatAmount(payment.amountMicros), currency: payment.currency },
    source: isTopup ? 'topup' : 'payment_link',
  };
}
