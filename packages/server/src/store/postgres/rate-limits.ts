import type { RateLimitCounts, RateLimitHit, RateLimitStore } from '../rate-limit-store.js';
import type { Db } from './db.js';
import { lockKey } from './db.js';

/** Drop expired windows once every this many hits: a bounded table without a sweeper. */
const PRUNE_EVERY = 256;

/**
 * {@link RateLimitStore} over PostgreSQL. Hits of one bucket take turns on an advisory lock for
 * the read-decide-count transaction, whichever instance takes them: two cannot both read room for
 * one more. (A row lock would not do: the current window's row may not exist yet.)
 */
export class PgRateLimits implements RateLimitStore {
  readonly #sql: () => Promise<Db>;
  #hitsSincePrune = 0;

  constructor(sql: () => Promise<Db>) {
    this.#sql = sql;
  }

  async takeRateLimitHit(hit: RateLimitHit, admit: (counts: RateLimitCounts) => boolean) {
    this.#hitsSincePrune = (this.#hitsSincePrune + 1) % PRUNE_EVERY;
    const pruneNow = this.#hitsSincePrune === 0;
    const sql = await this.#sql();
    const previousStart = hit.windowStartMs - hit.windowMs;
    return sql.begin(async (tx) => {
      if (pruneNow) await tx`DELETE FROM rate_limit_windows WHERE expires_at < ${previousStart}`;
      await lockKey(tx, `rate_limit:${hit.bucket}`);
      let previous = 0;
      let current = 0;
      const rows = await tx<{ window_start: bigint; hits: number }[]>`SELECT window_start, hits FROM rate_limit_windows
        WHERE bucket = ${hit.bucket} AND window_start >= ${previousStart}`;
      for (const row of rows) {
        const start = Number(row.window_start);
        if (start === hit.windowStartMs) current = row.hits;
        else if (start === previousStart) previous = row.hits;
      }
      const counts = { previous, current };
      const admitted = admit(counts);
      // A window is read as "previous" for one more window after its own.
      if (admitted) {
        await tx`INSERT INTO rate_limit_windows (bucket, window_start, hits, expires_at)
          VALUES (${hit.bucket}, ${hit.windowStartMs}, 1, ${hit.windowStartMs + 2 * hit.windowMs})
          ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1`;
      }
      return { admitted, counts };
    }) as Promise<{ admitted: boolean; counts: RateLimitCounts }>;
  }
}
