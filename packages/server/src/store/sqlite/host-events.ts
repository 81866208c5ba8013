import type Database from 'better-sqlite3';
import type { HostEvent, HostEventData, HostEventType, OutboxHostEvent } from '../../domain/host-events/host-event.js';

/** A `host_events` row as read by a statement in safe-integer mode. */
interface HostEventRow {
  id: string;
  type: string;
  account_id: string;
  payload: string;
  created_at: bigint;
  attempts: bigint;
  next_attempt_at: bigint;
  delivered_at: bigint | null;
  failed_at: bigint | null;
  last_error: string | null;
}

const COLUMNS = 'id, type, account_id, payload, created_at, attempts, next_attempt_at, delivered_at, failed_at, last_error';
const MAX_ERROR_LENGTH = 500;

/**
 * The SQLite side of the host-event outbox. {@link insert} runs inside the caller's transaction
 * (better-sqlite3 nests it), which is how a ledger append enqueues its events atomically.
 */
export class SqliteHostEvents {
  readonly #statements;
  readonly #claim;

  constructor(db: Database.Database) {
    this.#statements = {
      insert: db.prepare(`INSERT INTO host_events (id, type, account_id, payload, created_at, next_attempt_at)
        VALUES (@id, @type, @account_id, @payload, @created_at, @created_at)`),
      due: db
        .prepare<[number, number], HostEventRow>(`SELECT ${COLUMNS} FROM host_events
          WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, seq LIMIT ?`)
        .safeIntegers(),
      lease: db.prepare<[number, string]>('UPDATE host_events SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?'),
      delivered: db.prepare<[number, string]>('UPDATE host_events SET delivered_at = ?, last_error = NULL WHERE id = ?'),
      retry: db.prepare<[number, string, string]>('UPDATE host_events SET next_attempt_at = ?, last_error = ? WHERE id = ?'),
      failed: db.prepare<[number, string, string]>('UPDATE host_events SET failed_at = ?, last_error = ? WHERE id = ?'),
      pruneDelivered: db.prepare<[number, number]>(`DELETE FROM host_events WHERE seq IN
        (SELECT seq FROM host_events WHERE delivered_at IS NOT NULL AND delivered_at < ? LIMIT ?)`),
      list: db
        .prepare<[string], HostEventRow>(`SELECT ${COLUMNS} FROM host_events WHERE account_id = ? ORDER BY seq`)
        .safeIntegers(),
    };
    const claim = db.transaction((now: number, leaseUntil: number, limit: number): OutboxHostEvent[] => {
      const rows = this.#statements.due.all(now, limit);
      for (const row of rows) this.#statements.lease.run(leaseUntil, row.id);
      return rows.map((row) => ({ ...toOutboxHostEvent(row), attempts: Number(row.attempts) + 1, nextAttemptAt: new Date(leaseUntil) }));
    });
    this.#claim = (now: number, leaseUntil: number, limit: number) => claim.immediate(now, leaseUntil, limit);
  }

  /** Adds events, due at their creation time. */
  insert(events: readonly HostEvent[]): void {
    for (const event of events) {
      this.#statements.insert.run({
        id: event.id,
        type: event.type,
        account_id: event.accountId,
        payload: JSON.stringify(event.data),
        created_at: event.createdAt.getTime(),
      });
    }
  }

  claimDue(now: Date, leaseUntil: Date, limit: number): OutboxHostEvent[] {
    return this.#claim(now.getTime(), leaseUntil.getTime(), limit);
  }

  markDelivered(id: string, at: Date): void {
    this.#statements.delivered.run(at.getTime(), id);
  }

  scheduleRetry(id: string, nextAttemptAt: Date, error: string): void {
    this.#statements.retry.run(nextAttemptAt.getTime(), error.slice(0, MAX_ERROR_LENGTH), id);
  }

  markFailed(id: string, at: Date, error: string): void {
    this.#statements.failed.run(at.getTime(), error.slice(0, MAX_ERROR_LENGTH), id);
  }

  /** A negative `limit` is no limit. */
  pruneDelivered(deliveredBefore: Date, limit = -1): number {
    return this.#statements.pruneDelivered.run(deliveredBefore.getTime(), limit).changes;
  }

  list(accountId: string): OutboxHostEvent[] {
    return this.#statements.list.all(accountId).map(toOutboxHostEvent);
  }
}

function toOutboxHostEvent(row: HostEventRow): OutboxHostEvent {
  return {
    id: row.id,
    type: row.type as HostEventType,
    accountId: row.account_id,
    data: JSON.parse(row.payload) as HostEventData,
    createdAt: new Date(Number(row.created_at)),
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(Number(row.next_attempt_at)),
    deliveredAt: row.delivered_at === null ? null : new Date(Number(row.delivered_at)),
    failedAt: row.failed_at === null ? null : new Date(Number(row.failed_at)),
    lastError: row.last_error,
  };
}
