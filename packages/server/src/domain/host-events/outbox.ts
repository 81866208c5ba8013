import type { HostEvent, OutboxHostEvent } from './host-event.js';

/**
 * Persistence of host events awaiting delivery (part of the Store). Events caused by a ledger change
 * are enqueued by `appendLedgerEntry` in that change's transaction; the rest through
 * {@link HostEventOutbox.enqueueHostEvents}.
 */
export interface HostEventOutbox {
  /** Adds events, due at once, in one transaction. */
  enqueueHostEvents(events: readonly HostEvent[]): Promise<void>;
  /**
   * Atomically takes up to `limit` undelivered, unfailed events due at `now` (oldest first),
   * counts an attempt on each and leases them until `leaseUntil`: were the process to die while
   * delivering, they become due again when the lease ends.
   */
  claimDueHostEvents(now: Date, leaseUntil: Date, limit: number): Promise<OutboxHostEvent[]>;
  markHostEventDelivered(id: string, at: Date): Promise<void>;
  /** Records a failed attempt and when to try again. */
  scheduleHostEventRetry(id: string, nextAttemptAt: Date, error: string): Promise<void>;
  /** Gives up on an event; it stays listed with `failedAt` set. */
  markHostEventFailed(id: string, at: Date, error: string): Promise<void>;
  /** Every host event of an account, oldest first. */
  listHostEvents(accountId: string): Promise<OutboxHostEvent[]>;
  /** Deletes (at most `limit` of the) events delivered before `deliveredBefore`; returns how many. Idempotent. */
  pruneDeliveredHostEvents(deliveredBefore: Date, limit?: number): Promise<number>;
}
