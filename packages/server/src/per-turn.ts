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
