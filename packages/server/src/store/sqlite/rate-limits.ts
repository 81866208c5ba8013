import type Database from 'better-sqlite3';
import type { RateLimitCounts, RateLimitHit, RateLimitStore } from '../rate-limit-store.js';

/** Drop expired windows once every this many hits: a bounded table without a sweeper. */
const PRUNE_EVERY = 256;

/** {@link RateLimitStore} over better-sqlite3; each hit is an IMMEDIATE transaction, so atomic across processes. */
export class SqliteRateLimits implements RateLimitStore {
  readonly #take;
  #hitsSincePrune = 0;

  constructor(db: Database.Database) {
    const read = db.prepare<[string, number], { window_start: number; hits: number }>(
      'SELECT window_start, hits FROM rate_limit_windows WHERE bucket = ? AND window_start >= ?',
    );
    const count = db.prepare<[string, number, number]>(`INSERT INTO rate_limit_windows (bucket, window_start, hits, expires_at)
      VALUES (?, ?, 1, ?) ON CONFLICT (bucket, window_start) DO UPDATE SET hits = hits + 1`);
    const prune = db.prepare<[number]>('DELETE FROM rate_limit_windows WHERE expires_at < ?');
    const take = db.transaction((hit: RateLimitHit, admit: (counts: RateLimitCounts) => boolean, pruneNow: boolean) => {
      if (pruneNow) prune.run(hit.windowStartMs - hit.windowMs);
      const previousStart = hit.windowStartMs - hit.windowMs;
      let previous = 0;
      let current = 0;
      for (const row of read.all(hit.bucket, previousStart)) {
        if (row.window_start === hit.windowStartMs) current = row.hits;
        else if (row.window_start === previousStart) previous = row.hits;
      }
      const counts = { previous, current };
      const admitted = admit(counts);
      // A window is read as "previous" for one more window after its own.
      if (admitted) count.run(hit.bucket, hit.windowStartMs, hit.windowStartMs + 2 * hit.windowMs);
      return { admitted, counts };
    });
    this.#take = take;
  }

  async takeRateLimitHit(hit: RateLimitHit, admit: (counts: RateLimitCounts) => boolean) {
    this.#hitsSincePrune = (this.#hitsSincePrune + 1) % PRUNE_EVERY;
    return this.#take.immediate(hit, admit, this.#hitsSincePrune === 0);
  }
}
