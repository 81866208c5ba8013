/** What {@link CoordinationStore.claimGraphRead} found. */
export type GraphReadClaim = 'claimed' | 'in_flight' | 'too_soon';

/**
 * What server instances sharing a database must agree on beyond the money: how many event streams
 * a widget session holds, and when Meta's Graph API was last asked about an account (part of the
 * Store). Each method is atomic across instances.
 */
export interface CoordinationStore {
  /**
   * Drops the session's expired stream slots, then takes `slotId` (held until `expiresAt`) if fewer
   * than `max` remain. False when the session already holds `max`.
   */
  acquireStreamSlot(sessionId: string, slotId: string, max: number, now: Date, expiresAt: Date): Promise<boolean>;
  /** Extends a slot whose stream is still open; a slot not renewed in time (its instance died) lapses. */
  renewStreamSlot(slotId: string, expiresAt: Date): Promise<void>;
  releaseStreamSlot(slotId: string): Promise<void>;

  /**
   * Claims the next Graph read of an account: `claimed` (this attempt is recorded, in flight until
   * `leaseUntil`) unless a read is in flight (`in_flight`) or one was attempted less than
   * `minIntervalMs` before `now` (`too_soon`).
   */
  claimGraphRead(accountId: string, now: Date, minIntervalMs: number, leaseUntil: Date): Promise<GraphReadClaim>;
  /** Ends the account's read in flight (its result, if any, is already recorded). */
  finishGraphRead(accountId: string): Promise<void>;
  /** Forgets when the account was last read: the next read may ask Meta at once. */
  forgetGraphReadAttempt(accountId: string): Promise<void>;
}

/** `attempted_at` of a forgotten attempt: long enough ago for any interval. */
export const NEVER_ATTEMPTED_MS = -8_640_000_000_000_000;
