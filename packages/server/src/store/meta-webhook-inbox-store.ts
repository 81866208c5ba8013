/** A verified Meta webhook body waiting in the inbox to be applied. */
export interface InboundWebhook {
  readonly id: string;
  /** The raw body, exactly as verified against X-Hub-Signature-256. */
  readonly body: string;
  readonly receivedAt: Date;
  /** Attempts at applying it so far, the one under way included. */
  readonly attempts: number;
}

/**
 * Persistence of the Meta webhook inbox (`store.webhookInbox`): webhooks acknowledged to Meta before
 * they are applied stay here until applied, leased to the instance applying them.
 */
export interface MetaWebhookInboxStore {
  /** Stores a webhook, leased until `leaseUntil` to the caller, who applies it now (its first attempt). */
  add(webhook: { readonly id: string; readonly body: string; readonly receivedAt: Date }, leaseUntil: Date): Promise<void>;
  /**
   * Atomically takes up to `limit` webhooks due at `now` (oldest first) that have not failed,
   * counts an attempt on each and leases them until `leaseUntil`: two instances never take the same
   * one, and one that dies while applying leaves it due again when the lease ends.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<InboundWebhook[]>;
  /** Extends the lease of a webhook being applied (unless it was given up on). */
  renewLease(id: string, leaseUntil: Date): Promise<void>;
  /** Deletes an applied webhook. Idempotent. */
  remove(id: string): Promise<void>;
  /** Records a failed attempt and when to try again. */
  scheduleRetry(id: string, nextAttemptAt: Date, error: string): Promise<void>;
  /** Gives up on a webhook; it stays, with `failed_at` set, for an operator to look at. */
  markFailed(id: string, at: Date, error: string): Promise<void>;
  /** How many webhooks wait (due or leased) and how many were given up on. */
  count(): Promise<{ waiting: number; failed: number }>;
}
