/** A JSON object published as an event's data, in wire form. */
export type LivePayload = { readonly [key: string]: unknown };

/** The data of a `topup` event: a top-up whose state changed, or a payment link that was paid. */
export interface TopupLivePayload {
  readonly id: string;
  readonly status: string;
  readonly amount: { readonly amount: string; readonly currency: string };
  /** What was paid: a top-up (`id` is `tu_…`) or a payment link (`id` is `pl_…`). */
  readonly source: 'topup' | 'payment_link';
}

/**
 * A widget session of the account was revoked (`session_id`), or all of them (`null`). Never sent
 * as such: `GET /v1/events` closes the streams of the revoked sessions with `session_expired`.
 */
export interface SessionRevokedPayload {
  readonly session_id: string | null;
}

/**
 * What the widgets of an account hear over `GET /v1/events`; `type` is the SSE event name and
 * `data` its JSON. `balance` carries the `GET /v1/balance` payload; `quality`, `quota` and `usage`
 * carry their endpoint's payload (owned by their routes); `topup` a {@link TopupLivePayload}.
 */
export type LiveEvent =
  | { readonly type: 'balance'; readonly data: LivePayload }
  | { readonly type: 'quality'; readonly data: LivePayload }
  | { readonly type: 'quota'; readonly data: LivePayload }
  | { readonly type: 'usage'; readonly data: LivePayload }
  | { readonly type: 'topup'; readonly data: TopupLivePayload }
  | { readonly type: 'session_revoked'; readonly data: SessionRevokedPayload };

/** Hears the events of one account. */
export type LiveEventListener = (event: LiveEvent) => void;

/**
 * An in-process publish/subscribe of live events per account, fed by the store's committed changes
 * (see `publishStoreChanges`): never from inside a transaction, never for a change rolled back.
 */
export interface LiveEventBus {
  /** Starts hearing an account's events; returns the function that stops it. */
  subscribe(accountId: string, listener: LiveEventListener): () => void;
  /** Delivers an event, synchronously, to the account's current listeners. */
  publish(accountId: string, event: LiveEvent): void;
  /** Whether anyone listens to the account: publishers may skip building a payload otherwise. */
  hasSubscribers(accountId: string): boolean;
  /** The accounts someone listens to now. */
  subscribedAccounts(): string[];
}

/** Creates a {@link LiveEventBus}; a throwing listener is reported and does not stop the others. */
export function createLiveEventBus(onListenerError: (error: unknown) => void = console.error): LiveEventBus {
  const listeners = new Map<string, Set<LiveEventListener>>();
  return {
    subscribe(accountId, listener) {
      let set = listeners.get(accountId);
      if (!set) listeners.set(accountId, (set = new Set()));
      // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
      const entry: LiveEventListener = (event) => listener(event);
      set.add(entry);
      return () => {
        set.delete(entry);
        if (set.size === 0 && listeners.get(accountId) === set) listeners.delete(accountId);
      };
    },
    publish(accountId, event) {
      for (const listener of [...(listeners.get(accountId) ?? [])]) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    hasSubscribers: (accountId) => (listeners.get(accountId)?.size ?? 0) > 0,
    subscribedAccounts: () => [...listeners.keys()],
  };
}
