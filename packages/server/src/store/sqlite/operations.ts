import type Database from 'better-sqlite3';
import type { OperationalSnapshot, OperationsStore } from '../operations-store.js';

/** {@link OperationsStore} over better-sqlite3: `max(seq)` and the outbox's partial index, no table scans. */
export class SqliteOperations implements OperationsStore {
  readonly #ledger;
  readonly #outbox;
  readonly #inbox;

  constructor(db: Database.Database) {
    this.#ledger = db.prepare<[], { entries: number | null }>('SELECT max(seq) AS entries FROM ledger_entries');
    this.#outbox = db.prepare<[], { pending: number; oldest: number | null }>(
      'SELECT count(*) AS pending, min(created_at) AS oldest FROM host_events WHERE delivered_at IS NULL AND failed_at IS NULL',
    );
    // The inbox holds large webhooks only while they are applied, and the few given up on: a small table.
    this.#inbox = db.prepare<[], { waiting: number; failed: number }>(`SELECT count(*) FILTER (WHERE failed_at IS NULL) AS waiting,
      count(*) FILTER (WHERE failed_at IS NOT NULL) AS failed FROM meta_webhook_inbox`);
  }

  async operationalSnapshot(): Promise<OperationalSnapshot> {
    const outbox = this.#outbox.get();
    const inbox = this.#inbox.get();
    return {
      ledgerEntries: this.#ledger.get()?.entries ?? 0,
      outboxPending: outbox?.pending ?? 0,
      outboxOldestAt: outbox?.oldest == null ? null : new Date(outbox.oldest),
      inboxWaiting: inbox?.waiting ?? 0,
      inboxFailed: inbox?.failed ?? 0,
    };
  }
}
