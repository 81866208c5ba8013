import { pruneMarketingSends } from '../frequency-cap.js';
import { USAGE_KEPT_MS } from '../meta/messages-handler.js';
import { PAYMENT_RETENTION_MS } from '../payments/prune.js';
import type { Store } from '../../store/store.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How long what is no longer needed is kept before the pruner deletes it. */
export interface RetentionPolicy {
  /** Expired (or revoked) widget sessions, after their expiry: for support questions about a recent logout. */
  readonly expiredSessionsMs: number;
  /** Host events, after their delivery: for a partner asking what was sent to them. */
  readonly deliveredHostEventsMs: number;
}

/** One day of expired sessions, 30 days of delivered host events. */
export const DEFAULT_RETENTION: RetentionPolicy = { expiredSessionsMs: DAY_MS, deliveredHostEventsMs: 30 * DAY_MS };

/**
 * One kind of record the pruner deletes: `prune` removes what is older than needed at `now`, at
 * most `limit` rows when it can (the pruner then calls again until less than `limit` went), and
 * says how many rows went. It must be idempotent (a plain `DELETE … WHERE <older than>`), so that
 * several instances on one database may run it at the same time.
 */
export interface PruneStep {
  readonly name: string;
  prune(now: Date, limit: number): Promise<number>;
}

/**
 * Everything that would otherwise grow forever, as prune steps. Adding a kind of record is one
 * more line here. Ledger entries, payments' ledger credits and message charges are records of
 * money and are never pruned.
 */
export function retentionSteps(store: Store, policy: RetentionPolicy = DEFAULT_RETENTION): PruneStep[] {
  return [
    { name: 'widget_sessions', prune: (now, limit) => store.pruneWidgetSessions(before(now, policy.expiredSessionsMs), limit) },
    { name: 'marketing_sends', prune: (now, limit) => pruneMarketingSends(store, { now: () => now }, limit) },
    { name: 'host_events', prune: (now, limit) => store.pruneDeliveredHostEvents(before(now, policy.deliveredHostEventsMs), limit) },
    // Only here (never in a webhook), in batches: each row also updates the usage roll-up (migration 0012).
    { name: 'usage_recipients', prune: (now, limit) => store.pruneUsage(before(now, USAGE_KEPT_MS), limit) },
    // Unpaid payments long past their expiry (never a credited one): one pass, the rows are few.
    {
      name: 'payments',
      prune: async (now) => {
        const pruned = await store.pruneExpiredPayments(before(now, PAYMENT_RETENTION_MS));
        return pruned.payments + pruned.links + pruned.sandboxCheckouts;
      },
    },
  ];
}

function before(now: Date, ms: number): Date {
  return new Date(now.getTime() - ms);
}
