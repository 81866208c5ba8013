/**
 * A change a store has committed, as its listeners hear it. Emitted once per change after the
 * transaction commits, never for one rolled back; on PostgreSQL every instance on the database
 * hears it (LISTEN/NOTIFY), on SQLite the process that made it.
 */
export type StoreChange =
  /** A ledger entry was appended to the account (its balance changed). */
  | { readonly kind: 'ledger'; readonly accountId: string }
  /** The account's low-balance threshold was set. */
  | { readonly kind: 'threshold'; readonly accountId: string }
  /** A payment (top-up or link checkout) was credited to the account. */
  | { readonly kind: 'payment_credited'; readonly accountId: string; readonly paymentId: string }
  /** A quality or messaging-limit change was recorded on the account's timeline or portfolio. */
  | { readonly kind: 'phone_status'; readonly accountId: string };

/** Hears committed changes. */
export type StoreChangeListener = (change: StoreChange) => void;

/** The stream of a store's committed changes. */
export interface StoreChanges {
  /** Starts hearing every committed change; returns the function that stops it. */
  subscribe(listener: StoreChangeListener): () => void;
  /**
   * Starts hearing that changes may have been missed: on PostgreSQL, the connection that listens
   * for them was lost and is listening again, and what was committed in between was not heard.
   * Whoever shows state derived from changes should read it afresh. Returns the function that stops it.
   */
  onGap(listener: () => void): () => void;
}

/** A {@link StoreChanges} and the functions its store calls: after a commit, and after a gap. */
export interface ChangeFanout {
  readonly changes: StoreChanges;
  emit(change: StoreChange): void;
  gap(): void;
}

/** Creates a {@link ChangeFanout}; a throwing listener is reported and does not stop the others. */
export function createChangeFanout(onListenerError: (error: unknown) => void = console.error): ChangeFanout {
  const listeners = new Set<StoreChangeListener>();
  const gapListeners = new Set<() => void>();
  const call = <T>(targets: Set<(value: T) => void>, value: T) => {
    for (const listener of [...targets]) {
      try {
        listener(value);
      } catch (error) {
        onListenerError(error);
      }
    }
  };
  return {
    changes: {
      subscribe(listener) {
        const entry: StoreChangeListener = (change) => listener(change);
        listeners.add(entry);
        return () => listeners.delete(entry);
      },
      onGap(listener) {
        const entry = () => listener();
        gapListeners.add(entry);
        return () => gapListeners.delete(entry);
      },
    },
    emit: (change) => call(listeners, change),
    gap: () => call(gapListeners, undefined),
  };
}

/** Whether a value read from elsewhere (a NOTIFY payload) is a {@link StoreChange}. */
export function isStoreChange(value: unknown): value is StoreChange {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, accountId } = value as Record<string, unknown>;
  if (typeof accountId !== 'string') return false;
  if (kind === 'payment_credited') return typeof (value as Record<string, unknown>)['paymentId'] === 'string';
  return kind === 'ledger' || kind === 'threshold' || kind === 'phone_status';
}
