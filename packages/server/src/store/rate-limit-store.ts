/** Hits of one bucket in its current fixed window and in the window before it. */
export interface RateLimitCounts {
  readonly previous: number;
  readonly current: number;
}

/** One hit to count against a bucket. */
export interface RateLimitHit {
  /** Rule and subject, e.g. `topup_create:acc_…`. */
  readonly bucket: string;
  /** Start of the current fixed window (ms since the epoch, a multiple of `windowMs`). */
  readonly windowStartMs: number;
  readonly windowMs: number;
}

/**
 * Rate-limit counters shared by every instance on the database. PostgreSQL does the same with
 * `SELECT … FOR UPDATE` of the two windows (or an `INSERT … ON CONFLICT DO UPDATE` guarded by the
 * decision) in one transaction.
 */
export interface RateLimitStore {
  /**
   * In one transaction: reads the counts of `hit.bucket`, asks `admit` whether this hit goes
   * through, and counts it only if so (refused hits do not lengthen the wait). Returns the counts
   * as read and the decision. Expired windows of any bucket are dropped now and then.
   */
  takeRateLimitHit(hit: RateLimitHit, admit: (counts: RateLimitCounts) => boolean): Promise<{ admitted: boolean; counts: RateLimitCounts }>;
}
