import type { MetaWebhookInboxStore } from '../meta-webhook-inbox-store.js';
import type { OperationalSnapshot, OperationsStore } from '../operations-store.js';
import type { Db } from './db.js';
import { dateOrNull, num } from './db.js';

/**
 * {@link OperationsStore} over PostgreSQL: `max(seq)` and the outbox's partial index, no table scans.
 * An identity can skip values (an insert rolled back after taking one), so on this engine the ledger
 * figure is an upper bound that only grows: fit for a rate, not for an audit.
 */
export class PgOperations implements OperationsStore {
  readonly #sql: () => Promise<Db>;
  readonly #inbox: MetaWebhookInboxStore;

  constructor(sql: () => Promise<Db>, inbox: MetaWebhookInboxStore) {
    this.#sql = sql;
    this.#inbox = inbox;
  }

  async operationalSnapshot(): Promise<OperationalSnapshot> {
    const sql = await this.#sql();
    const [ledger] = await sql<{ entries: bigint | null }[]>`SELECT max(seq) AS entries FROM ledger_entries`;
    const [outbox] = await sql<{ pending: bigint; oldest: bigint | null }[]>`SELECT count(*) AS pending, min(created_at) AS oldest
      FROM host_events WHERE delivered_at IS NULL AND failed_at IS NULL`;
    return {
      ledgerEntries: num(ledger?.entries),
      outboxPending: num(outbox?.pending),
      outboxOldestAt: dateOrNull(outbox?.oldest ?? null),
      inbox: await this.#inbox.count(),
    };
  }
}
