import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Values kept for the rest of the current turn of the event loop and forgotten when it ends: work
 * that every caller of one turn may share (the webhooks that arrived together, the gauges of one
 * scrape) without keeping anything that could go stale for longer than a turn.
 */
export interface TurnMap<K, V> {
  /** The value of `key` made earlier in this turn, else `make()`'s, kept until the turn ends. */
  get(key: K, make: () => V): V;
  /** Forgets `key` if it still holds `value` (a failed read that must not be shared). */
  forget(key: K, value: V): void;
}

/** When a {@link TurnMap} forgets: at the end of the turn, or at the end of the synchronous code running now. */
type Span = 'turn' | 'synchronous pass';

/** Creates a {@link TurnMap}; with `span: 'synchronous pass'` it forgets as soon as the running code yields. */
export function turnMap<K, V>(span: Span = 'turn'): TurnMap<K, V> {
  let values: Map<K, V> | null = null;
  const forgetAll = () => {
    values = null;
  };
  return {
    get(key, make) {
      if (!values) {
        values = new Map();
        if (span === 'turn') setImmediate(forgetAll).unref();
        else queueMicrotask(forgetAll);
      }
      if (values.has(key)) return values.get(key) as V;
      const value = make();
      values.set(key, value);
      return value;
    },
    forget(key, value) {
      if (values?.get(key) === value) values.delete(key);
    },
  };
}

/** `compute()`'s value, computed at most once per turn of the event loop (or per synchronous pass). */
export function oncePer<T>(span: Span, compute: () => T): () => T {
  const memo = turnMap<null, T>(span);
  return () => memo.get(null, compute);
}

/**
 * Lets other work in between the steps of a long job (a 3 MB webhook, a prune): resolves once the
 * event loop has gone round, the I/O that arrived meanwhile been handled, and what that I/O left for
 * the end of its turn been done too, the responses it ended among them (they are written together
 * at the end of their turn: ops/turn-batched-responses.ts). One `setImmediate` is not enough: it
 * would come round before them, queued as it was a turn earlier, and a request arriving during a step
 * would wait for the next step as well as for this one.
 */
export async function yieldTurn(): Promise<void> {
  await nextTurn();
  await nextTurn();
}
