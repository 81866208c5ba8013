import type Database from 'better-sqlite3';
import type { MetaWebhookInboxStore } from '../meta-webhook-inbox-store.js';
import type { OperationalSnapshot, OperationsStore } from '../operations-store.js';

/** {@link OperationsStore} over better-sqlite3: `max(seq)` and the outbox's partial index, no table scans. */
export class SqliteOperations implements OperationsStore {
  readonly #ledger;
  readonly #outbox;
  readonly #inbox: MetaWebhookInboxStore;

  constructor(db: Database.Database, inbox: MetaWebhookInboxStore) {
    this.#ledger = db.prepare<[], { entries: number | null }>('SELECT max(seq) AS entries FROM ledger_entries');
    this.#outbox = db.prepare<[], { pending: number; oldest: number | null }>(
      'SELECT count(*) AS pending, min(created_at) AS oldest FROM host_events WHERE delivered_at IS NULL AND failed_at IS NULL',
    );
    this.#inbox = inbox;
  }

  async operationalSnapshot(): Promise<OperationalSnapshot> {
    const outbox = this.#outbox.get();
    return {
      ledgerEntries: this.#ledger.get()?.entries ?? 0,
      outboxPending: outbox?.pending ?? 0,
      outboxOldestAt: outbox?.oldest == null ? null : new Date(outbox.oldest),
      inbox: await this.#inbox.count(),
    };
  }
}
